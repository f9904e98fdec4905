package dev.greenlight.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The local classifier's calibration set in the catalog (key {@code classifier.calibration}), as
 * {@code greenlight eval} prints it for a team's own labelled set: {@code p = sigmoid(intercept +
 * similarity * s + margin * m)}. Both weights must be zero or more, so a better match never gets a
 * lower confidence.
 */
public record PlattSettings(double intercept, double similarity, double margin) {
  public PlattSettings {
    Invalid.require(
        Double.isFinite(intercept) && Math.abs(intercept) <= 50,
        "intercept",
        " must be a number from -50 to 50 (got '" + intercept + "')");
    Invalid.require(
        Double.isFinite(similarity) && similarity >= 0 && similarity <= 100,
        "similarity",
        " must be a number from 0 to 100 (got '" + similarity + "')");
    Invalid.require(
        Double.isFinite(margin) && margin >= 0 && margin <= 100,
        "margin",
        " must be a number from 0 to 100 (got '" + margin + "')");
  }

  @JsonCreator
  static PlattSettings fromFile(
      @JsonProperty("intercept") Double intercept,
      @JsonProperty("similarity") Double similarity,
      @JsonProperty("margin") Double margin) {
    return new PlattSettings(
        Check.present("intercept", intercept),
        Check.present("similarity", similarity),
        margin == null ? 0 : margin);
  }
}
