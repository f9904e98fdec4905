package dev.greenlight.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;

/**
 * The gate policy (key {@code policy}).
 *
 * @param confidenceFloor classifications at or above it may skip the human gate (low risk only)
 * @param minSimilarity below it the incident matches no runbook and is labelled unknown
 * @param approvalTimeout how long a gate waits for a decision before the incident expires
 */
public record Policy(double confidenceFloor, double minSimilarity, Duration approvalTimeout) {
  public static final double DEFAULT_CONFIDENCE_FLOOR = 0.94;
  public static final double DEFAULT_MIN_SIMILARITY = 0.22;
  public static final Duration DEFAULT_APPROVAL_TIMEOUT = Duration.ofHours(4);

  /** The policy of a file without a {@code policy} section. */
  public static final Policy DEFAULT =
      new Policy(DEFAULT_CONFIDENCE_FLOOR, DEFAULT_MIN_SIMILARITY, DEFAULT_APPROVAL_TIMEOUT);

  public Policy {
    Check.fraction("confidence-floor", confidenceFloor);
    Check.fraction("min-similarity", minSimilarity);
    Check.duration("approval-timeout", approvalTimeout, null, null);
  }

  /** The policy a {@code policy} mapping describes, with the defaults for what it leaves out. */
  @JsonCreator
  static Policy fromFile(
      @JsonProperty("confidence-floor") Double confidenceFloor,
      @JsonProperty("min-similarity") Double minSimilarity,
      @JsonProperty("approval-timeout") Duration approvalTimeout) {
    return new Policy(
        confidenceFloor == null ? DEFAULT_CONFIDENCE_FLOOR : confidenceFloor,
        minSimilarity == null ? DEFAULT_MIN_SIMILARITY : minSimilarity,
        approvalTimeout == null ? DEFAULT_APPROVAL_TIMEOUT : approvalTimeout);
  }
}
