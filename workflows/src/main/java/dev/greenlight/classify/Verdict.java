package dev.greenlight.classify;

import dev.greenlight.config.Runbook;

/**
 * One classifier's answer. The runbook is always the catalog's own object, looked up by label.
 *
 * @param runbook the chosen runbook, or null for unknown
 * @param confidence 0..1
 * @param nearestExample the closest catalog example (local model), or null
 * @param rationale a one-line reason (LLM), or null
 * @param model model name and version that produced it
 */
public record Verdict(
    Runbook runbook, double confidence, String nearestExample, String rationale, String model) {
  /** The label of "nothing in the catalog fits". */
  public static final String UNKNOWN_LABEL = "unknown";

  public String label() {
    return runbook == null ? UNKNOWN_LABEL : runbook.label();
  }
}
