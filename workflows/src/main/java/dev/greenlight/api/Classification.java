package dev.greenlight.api;

import java.util.List;

/**
 * What the classifier concluded. Everything but {@code label}, {@code confidence} and the
 * explanatory texts comes from the catalog, never from model text.
 *
 * @param label the runbook's label, or {@link #UNKNOWN} when nothing in the catalog is similar
 * @param confidence 0..1; calibrated for the local model. Capped below the policy's confidence
 *     floor whenever {@code degraded} is set or two classifiers disagree, so a human decides
 * @param runbookId the matching runbook, or null when unknown
 * @param risk the runbook's risk tier, or null when unknown
 * @param action the runbook's action rendered for this incident (method and URL), or null
 * @param nearestExample the catalog example symptom closest to the incident text
 * @param model which model produced it (name and version)
 * @param rationale a one-line reason from the LLM (untrusted display text, never executed), or null
 *     when the local model decided alone
 * @param degraded true when the configured classifier could not be used (LLM failure) or its result
 *     was not trusted (instruction-like text, classifiers disagree): a human must decide
 * @param degradedReason why it is degraded, or null
 * @param opinions each classifier's own opinion when more than one ran ({@code both} mode or a
 *     fallback); empty otherwise
 * @param preview what the action would change, asked of its target before the card was posted
 *     (version 1 of the workflow's {@code action-preview} change), or null when not asked
 */
public record Classification(
    String label,
    double confidence,
    String runbookId,
    Risk risk,
    String action,
    String nearestExample,
    String model,
    String rationale,
    boolean degraded,
    String degradedReason,
    List<Opinion> opinions,
    ActionPreview preview) {
  public static final String UNKNOWN = "unknown";

  public Classification {
    opinions = opinions == null ? List.of() : List.copyOf(opinions);
  }

  /** A classification without a preview (the one the classifier returns). */
  public Classification(
      String label,
      double confidence,
      String runbookId,
      Risk risk,
      String action,
      String nearestExample,
      String model,
      String rationale,
      boolean degraded,
      String degradedReason,
      List<Opinion> opinions) {
    this(
        label,
        confidence,
        runbookId,
        risk,
        action,
        nearestExample,
        model,
        rationale,
        degraded,
        degradedReason,
        opinions,
        null);
  }

  /** This classification with its action's preview. */
  public Classification withPreview(ActionPreview preview) {
    return new Classification(
        label,
        confidence,
        runbookId,
        risk,
        action,
        nearestExample,
        model,
        rationale,
        degraded,
        degradedReason,
        opinions,
        preview);
  }

  /** A plain, non-degraded classification by one model (the shape before LLM support). */
  public Classification(
      String label,
      double confidence,
      String runbookId,
      Risk risk,
      String action,
      String nearestExample,
      String model) {
    this(
        label, confidence, runbookId, risk, action, nearestExample, model, null, false, null, null);
  }

  public boolean matched() {
    return runbookId != null;
  }

  /** This classification marked degraded, its confidence capped at {@code cap}. */
  public Classification degrade(String reason, double cap) {
    return new Classification(
        label,
        Math.max(0, Math.min(confidence, cap)),
        runbookId,
        risk,
        action,
        nearestExample,
        model,
        rationale,
        true,
        degradedReason == null ? reason : degradedReason + "; " + reason,
        opinions,
        preview);
  }

  /** This classification with each classifier's opinion attached. */
  public Classification withOpinions(List<Opinion> opinions) {
    return new Classification(
        label,
        confidence,
        runbookId,
        risk,
        action,
        nearestExample,
        model,
        rationale,
        degraded,
        degradedReason,
        opinions,
        preview);
  }

  /**
   * This classification as a thread reply reads it: label, confidence, risk, runbook, action and
   * model, without the evidence only the card shows (nearest example, rationale, opinions,
   * preview).
   */
  public Classification forReply() {
    return new Classification(
        label,
        confidence,
        runbookId,
        risk,
        action,
        null,
        model,
        null,
        degraded,
        degradedReason,
        List.of(),
        null);
  }

  /**
   * One classifier's opinion, for the card.
   *
   * @param model name and version
   * @param label the label it chose (or {@link #UNKNOWN}); null when it failed
   * @param confidence 0..1 as that classifier reported it
   * @param detail nearest example (local) or rationale (LLM) or the failure
   */
  public record Opinion(String model, String label, double confidence, String detail) {}
}
