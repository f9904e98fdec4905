package dev.greenlight.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The local classifier's knobs besides {@code policy.min-similarity} and the calibration (key
 * {@code classifier.local}; docs/classification.md says what each does and on which set the
 * defaults were chosen).
 *
 * @param lexicalWeight weight of the lexical share added to the embedding similarity (0..2)
 * @param otherMargin an incident is unknown when the closest "other incident" line is more similar
 *     than the best runbook's example by more than {@code -otherMargin} (-1..1)
 * @param otherIncidents {@code built-in} (the bundled reference), {@code none} (no relative test),
 *     or a UTF-8 text file of incident kinds no runbook covers, one a line ({@code #} comments)
 * @param otherPrune a reference line at least this similar to one of the catalog's examples, labels
 *     or descriptions is dropped at start (0..1)
 * @param otherLexicalWeight 0 (default): the relative test compares cosines; above 0 (up to 2) the
 *     reference competes by words too: each of the closest lines scores its cosine plus this weight
 *     times the share of the report's words it contains, against the best runbook's whole score
 *     (cosine plus lexical share)
 * @param otherClaim 0 (default): off; above 0 (up to 1) a word of a runbook's id or label that is
 *     in fewer than this share of the reference's lines drops every line with it at start, so an
 *     alert named for a runbook ("CoreDNS SERVFAIL Error Rate High" for {@code restart-coredns}) is
 *     left to it (0.05 measured, docs/classification.md)
 * @param labelledIncidents {@code none} (default), {@code built-in} (the labelled sets bundled for
 *     the demo catalog) or a JSONL file of labelled past incidents in the eval format: the label of
 *     the closest one (or catalog example, or reference line) is the proposal, and a proposal the
 *     examples alone would not make goes to a person (docs/classification.md, "Labelled incidents")
 */
public record LocalSettings(
    double lexicalWeight,
    double otherMargin,
    String otherIncidents,
    double otherPrune,
    double otherLexicalWeight,
    double otherClaim,
    String labelledIncidents) {
  public static final String BUILT_IN = "built-in";
  public static final String NONE = "none";

  /**
   * The shipped knobs: lexical weight and margin fitted on the built-in set (eval/incidents.jsonl)
   * with the built-in reference; docs/classification.md.
   */
  public static final LocalSettings DEFAULT =
      new LocalSettings(0.5, -0.2, BUILT_IN, 0.6, 0, 0, NONE);

  public LocalSettings {
    Invalid.require(
        Double.isFinite(lexicalWeight) && lexicalWeight >= 0 && lexicalWeight <= 2,
        "lexical-weight",
        " must be a number from 0 to 2 (got '" + lexicalWeight + "')");
    Invalid.require(
        Double.isFinite(otherMargin) && otherMargin >= -1 && otherMargin <= 1,
        "other-margin",
        " must be a number from -1 to 1 (got '"
            + otherMargin
            + "'); to switch the test off set"
            + " other-incidents: none");
    requireSource("other-incidents", otherIncidents);
    requireSource("labelled-incidents", labelledIncidents);
    Invalid.require(
        Double.isFinite(otherPrune) && otherPrune > 0 && otherPrune <= 1,
        "other-prune",
        " must be a number above 0 and at most 1 (got '" + otherPrune + "')");
    Invalid.require(
        Double.isFinite(otherLexicalWeight) && otherLexicalWeight >= 0 && otherLexicalWeight <= 2,
        "other-lexical-weight",
        " must be a number from 0 to 2 (got '" + otherLexicalWeight + "'); 0 switches it off");
    Invalid.require(
        Double.isFinite(otherClaim) && otherClaim >= 0 && otherClaim <= 1,
        "other-claim",
        " must be a number from 0 to 1 (got '" + otherClaim + "'); 0 switches it off");
  }

  /** The knobs without labelled incidents (labelled-incidents none). */
  public LocalSettings(
      double lexicalWeight,
      double otherMargin,
      String otherIncidents,
      double otherPrune,
      double otherLexicalWeight,
      double otherClaim) {
    this(
        lexicalWeight,
        otherMargin,
        otherIncidents,
        otherPrune,
        otherLexicalWeight,
        otherClaim,
        NONE);
  }

  /** The same knobs with these labelled incidents ({@code none}, {@code built-in} or a file). */
  public LocalSettings withLabelledIncidents(String source) {
    return new LocalSettings(
        lexicalWeight,
        otherMargin,
        otherIncidents,
        otherPrune,
        otherLexicalWeight,
        otherClaim,
        source);
  }

  private static void requireSource(String key, String value) {
    Check.text(key, value);
    if (value.equals(BUILT_IN) || value.equals(NONE)) {
      return;
    }
    Path p;
    try {
      p = Path.of(value);
    } catch (InvalidPathException e) {
      throw new Invalid(key, " must be built-in, none or a file (got '" + value + "')");
    }
    Invalid.require(
        Files.isRegularFile(p) && Files.isReadable(p),
        key,
        " must be built-in, none or a readable file; '"
            + value
            + "' is not one (relative paths are resolved against the working directory)");
  }

  /** The knobs without the runbooks' claim on reference lines (other-claim 0). */
  public LocalSettings(
      double lexicalWeight,
      double otherMargin,
      String otherIncidents,
      double otherPrune,
      double otherLexicalWeight) {
    this(lexicalWeight, otherMargin, otherIncidents, otherPrune, otherLexicalWeight, 0);
  }

  /** The knobs with the reference competing by cosine only (other-lexical-weight 0). */
  public LocalSettings(
      double lexicalWeight, double otherMargin, String otherIncidents, double otherPrune) {
    this(lexicalWeight, otherMargin, otherIncidents, otherPrune, 0);
  }

  /** True when the relative "other incidents" test runs. */
  public boolean usesOtherIncidents() {
    return !otherIncidents.equals(NONE);
  }

  @JsonCreator
  static LocalSettings fromFile(
      @JsonProperty("lexical-weight") Double lexicalWeight,
      @JsonProperty("other-margin") Double otherMargin,
      @JsonProperty("other-incidents") String otherIncidents,
      @JsonProperty("other-prune") Double otherPrune,
      @JsonProperty("other-lexical-weight") Double otherLexicalWeight,
      @JsonProperty("other-claim") Double otherClaim,
      @JsonProperty("labelled-incidents") String labelledIncidents) {
    return new LocalSettings(
        lexicalWeight == null ? DEFAULT.lexicalWeight : lexicalWeight,
        otherMargin == null ? DEFAULT.otherMargin : otherMargin,
        otherIncidents == null ? DEFAULT.otherIncidents : otherIncidents.strip(),
        otherPrune == null ? DEFAULT.otherPrune : otherPrune,
        otherLexicalWeight == null ? DEFAULT.otherLexicalWeight : otherLexicalWeight,
        otherClaim == null ? DEFAULT.otherClaim : otherClaim,
        labelledIncidents == null ? DEFAULT.labelledIncidents : labelledIncidents.strip());
  }
}
