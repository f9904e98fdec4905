package dev.greenlight.classify;

import dev.greenlight.api.Classification;
import dev.greenlight.api.Classification.Opinion;
import dev.greenlight.config.ClassifierSettings;
import dev.greenlight.config.GreenlightConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the configured classifier(s) and applies the guardrails:
 *
 * <ul>
 *   <li>{@code local}: the local model alone.
 *   <li>{@code llm}: the LLM; if it fails (after its bounded retries) the local model's answer is
 *       used, marked degraded.
 *   <li>{@code both}: both; when they disagree the local answer is proposed, marked degraded, and
 *       the card shows both opinions. When they agree the lower of the two confidences is used.
 *   <li>In {@code llm} mode a proposal is always degraded: the model's answer alone never
 *       auto-approves.
 *   <li>In every mode the {@link Guards} mark the result degraded: instruction-like text, a runbook
 *       named verbatim, copied example wording, parts of the report that point to different
 *       runbooks.
 * </ul>
 *
 * A degraded classification's confidence is capped below the policy's confidence floor, so the gate
 * always opens for a human. The runbook, its risk and its action always come from the catalog.
 */
public final class CombinedClassifier {
  private final GreenlightConfig config;
  private final String mode;
  private final LocalClassifier local;
  private final IncidentClassifier llm;

  /**
   * @param llm the LLM classifier, or null in local mode
   */
  public CombinedClassifier(
      GreenlightConfig config, String mode, LocalClassifier local, IncidentClassifier llm) {
    if (!mode.equals(ClassifierSettings.LOCAL) && llm == null) {
      throw new IllegalArgumentException("mode " + mode + " needs an LLM classifier");
    }
    this.config = config;
    this.mode = mode;
    this.local = local;
    this.llm = llm;
  }

  public String mode() {
    return mode;
  }

  /** The highest confidence a classification that must go to a human may carry. */
  public double cap() {
    return Math.max(0, config.policy().confidenceFloor() - 0.01);
  }

  public Classification classify(String service, String incidentId, String text) {
    return explain(service, incidentId, text).classification();
  }

  /** The classification and the local model's own reason for it (for the eval's per-case view). */
  public Explained explain(String service, String incidentId, String text) {
    LocalClassifier.Scored scored = local.classifyWithScores(text);
    Verdict mine = scored.verdict();
    Classification result;
    if (mode.equals(ClassifierSettings.LOCAL)) {
      result = render(mine, mine, service, incidentId);
    } else {
      Verdict theirs;
      try {
        // The model sees the text without invisible characters and compatibility forms too.
        theirs = llm.classify(service, TextNormalizer.canonical(text, false));
      } catch (ClassifierException e) {
        result =
            render(mine, mine, service, incidentId)
                .withOpinions(
                    List.of(opinion(mine), new Opinion(llm.model(), null, 0, e.getMessage())))
                .degrade("LLM unavailable (" + e.getMessage() + "); local model used", cap());
        return new Explained(guard(result, text, scored), scored.why());
      }
      if (mode.equals(ClassifierSettings.LLM)) {
        result =
            render(theirs, mine, service, incidentId)
                .withOpinions(List.of(opinion(mine), opinion(theirs)));
        if (result.matched()) {
          // Nothing independent stands behind the model's answer: it never runs unattended.
          result = result.degrade("llm mode: the model's answer alone never auto-approves", cap());
        }
      } else if (theirs.label().equals(mine.label())) {
        Verdict agreed =
            new Verdict(
                mine.runbook(),
                Math.min(mine.confidence(), theirs.confidence()),
                mine.nearestExample(),
                theirs.rationale(),
                mine.model() + " + " + theirs.model());
        result =
            render(agreed, mine, service, incidentId)
                .withOpinions(List.of(opinion(mine), opinion(theirs)));
      } else {
        result =
            render(mine, mine, service, incidentId)
                .withOpinions(List.of(opinion(mine), opinion(theirs)))
                .degrade(
                    "classifiers disagree (local: "
                        + mine.label()
                        + ", LLM: "
                        + theirs.label()
                        + ")",
                    cap());
      }
    }
    return new Explained(guard(result, text, scored), scored.why());
  }

  private Classification guard(Classification c, String text, LocalClassifier.Scored scored) {
    for (String reason : Guards.reasons(text, scored, local, config.runbooks())) {
      c = c.degrade(reason, cap());
    }
    return c;
  }

  /** A classification and the local model's reason ("score 0.71, margin 0.20 ..."). */
  public record Explained(Classification classification, String why) {}

  private static Opinion opinion(Verdict v) {
    return new Opinion(
        v.model(),
        v.label(),
        v.confidence(),
        v.rationale() != null ? v.rationale() : v.nearestExample());
  }

  private static Classification render(
      Verdict v, Verdict localVerdict, String service, String incidentId) {
    String nearest = localVerdict.nearestExample() == null ? "" : localVerdict.nearestExample();
    if (v.runbook() == null) {
      return new Classification(
          Classification.UNKNOWN,
          v.confidence(),
          null,
          null,
          null,
          nearest,
          v.model(),
          v.rationale(),
          false,
          null,
          null);
    }
    String action =
        v.runbook()
            .action()
            .describe(
                Map.of(
                    "service", service == null ? "" : service,
                    "incident", incidentId == null ? "" : incidentId));
    return new Classification(
        v.runbook().label(),
        v.confidence(),
        v.runbook().id(),
        v.runbook().risk(),
        action,
        nearest,
        v.model(),
        v.rationale(),
        false,
        null,
        new ArrayList<>());
  }

  /** The catalog this classifier works against. */
  public GreenlightConfig config() {
    return config;
  }
}
