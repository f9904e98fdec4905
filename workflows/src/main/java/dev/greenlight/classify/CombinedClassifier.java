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
 *   <li>Instruction-like text in the report (prompt injection) marks the result degraded.
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
    Verdict mine = local.classify(service, text);
    Classification result;
    if (mode.equals(ClassifierSettings.LOCAL)) {
      result = render(mine, mine, service, incidentId);
    } else {
      Verdict theirs;
      try {
        theirs = llm.classify(service, text);
      } catch (ClassifierException e) {
        result =
            render(mine, mine, service, incidentId)
                .withOpinions(
                    List.of(opinion(mine), new Opinion(llm.model(), null, 0, e.getMessage())))
                .degrade("LLM unavailable (" + e.getMessage() + "); local model used", cap());
        return guard(result, text);
      }
      if (mode.equals(ClassifierSettings.LLM)) {
        result = render(theirs, mine, service, incidentId);
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
    return guard(result, text);
  }

  private Classification guard(Classification c, String text) {
    String hit = InjectionGuard.suspicious(text);
    if (hit == null) {
      return c;
    }
    return c.degrade(
        "instruction-like text in the report (\"" + ChatText.abbreviate(hit, 40) + "\")", cap());
  }

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
