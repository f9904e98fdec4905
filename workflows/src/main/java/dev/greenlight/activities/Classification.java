package dev.greenlight.activities;

import dev.greenlight.config.Risk;

/**
 * What the classifier concluded. Everything but {@code label} and {@code confidence} comes from the
 * catalog, never from model text.
 *
 * @param label the runbook's label, or {@link #UNKNOWN} when nothing in the catalog is similar
 * @param confidence 0..1
 * @param runbookId the matching runbook, or null when unknown
 * @param risk the runbook's risk tier, or null when unknown
 * @param action the runbook's action rendered for this incident (method and URL), or null
 * @param nearestExample the catalog example symptom closest to the incident text
 * @param model which model produced it (name and version)
 */
public record Classification(
    String label,
    double confidence,
    String runbookId,
    Risk risk,
    String action,
    String nearestExample,
    String model) {
  public static final String UNKNOWN = "unknown";

  public boolean matched() {
    return runbookId != null;
  }
}
