package dev.greenlight.classify;

import dev.greenlight.config.Runbook;

/**
 * The labelled text closest to a report: a catalog example, a labelled past incident or a kept
 * "other incident" line ({@link Neighbours}).
 *
 * @param runbook its runbook; null when no runbook covers it
 * @param text the example, past incident or reference line
 * @param similarity cosine similarity to the report (0..1)
 */
public record Neighbour(Runbook runbook, String text, double similarity) {
  /** The runbook's label, or {@code unknown} when no runbook covers the text. */
  public String label() {
    return runbook == null ? Verdict.UNKNOWN_LABEL : runbook.label();
  }
}
