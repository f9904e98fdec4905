package dev.greenlight.config;

import java.time.Duration;

/**
 * The gate policy.
 *
 * @param confidenceFloor classifications at or above it may skip the human gate (low risk only)
 * @param minSimilarity below it the incident matches no runbook and is labelled unknown
 * @param approvalTimeout how long a gate waits for a decision before the incident expires
 */
public record Policy(double confidenceFloor, double minSimilarity, Duration approvalTimeout) {
  public static final double DEFAULT_CONFIDENCE_FLOOR = 0.94;
  public static final double DEFAULT_MIN_SIMILARITY = 0.45;
  public static final Duration DEFAULT_APPROVAL_TIMEOUT = Duration.ofHours(4);
}
