package dev.greenlight.classify;

import dev.greenlight.config.LocalSettings;
import dev.greenlight.config.Runbook;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The local classifier. The report is normalized ({@link TextNormalizer}), alert names are split at
 * camel case, and parts that deny a cause ("not a deploy issue", "cache looks fine") are left out
 * ({@link Segments}). Each runbook's score is its all-MiniLM-L6-v2 similarity (closest example, or
 * centroid of its examples) plus {@code lexicalWeight} times the share of the report's words found
 * in its label, description and examples ({@link Lexicon}). The incident is unknown when the best
 * score is below {@code minScore} ({@code policy.min-similarity}) or when the report is more
 * similar to a kind of incident no runbook covers ({@link OtherIncidents}) than to the best
 * runbook, by more than {@code -otherMargin}. Otherwise the best score and its margin over the
 * second are turned into a calibrated confidence.
 */
public final class LocalClassifier implements IncidentClassifier {
  /** How a runbook is scored: its closest example, or the centroid of its examples. */
  public enum Strategy {
    NEAREST,
    CENTROID;

    public static Strategy parse(String text) {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
  }

  /**
   * The decision's knobs besides the floor.
   *
   * @param lexicalWeight weight of the lexical share added to the cosine similarity
   * @param otherMargin unknown when the closest "other incident" is more similar than the best
   *     runbook's example by more than {@code -otherMargin}; {@code NaN} switches the test off
   * @param otherLexicalWeight 0: the test compares cosines; above 0 the reference competes
   *     lexically too: each of the closest lines scores its cosine plus this weight times the share
   *     of the report's words it contains, against the best runbook's whole score
   */
  public record Tuning(double lexicalWeight, double otherMargin, double otherLexicalWeight) {
    /** Chosen on the built-in set (eval/incidents.jsonl); docs/classification.md. */
    public static final Tuning DEFAULT = of(LocalSettings.DEFAULT);

    /** The reference competing by cosine only (the shipped test). */
    public Tuning(double lexicalWeight, double otherMargin) {
      this(lexicalWeight, otherMargin, 0);
    }

    /** The knobs {@code classifier.local} sets. */
    public static Tuning of(LocalSettings local) {
      return new Tuning(local.lexicalWeight(), local.otherMargin(), local.otherLexicalWeight());
    }

    /** The same test with another lexical weight and margin (the knobs the grid fits). */
    public Tuning with(double lexical, double margin) {
      return new Tuning(lexical, margin, otherLexicalWeight);
    }
  }

  private final EmbeddingClassifier embeddings;
  private final Lexicon lexicon;
  private final Strategy strategy;
  private final Calibration calibration;
  private final double minScore;
  private final Tuning tuning;
  private final boolean relabels;

  public LocalClassifier(
      EmbeddingClassifier embeddings, Strategy strategy, Calibration calibration, double minScore) {
    this(embeddings, strategy, calibration, minScore, Tuning.DEFAULT);
  }

  public LocalClassifier(
      EmbeddingClassifier embeddings,
      Strategy strategy,
      Calibration calibration,
      double minScore,
      Tuning tuning) {
    this(embeddings, strategy, calibration, minScore, tuning, true);
  }

  private LocalClassifier(
      EmbeddingClassifier embeddings,
      Strategy strategy,
      Calibration calibration,
      double minScore,
      Tuning tuning,
      boolean relabels) {
    this.relabels = relabels;
    this.embeddings = embeddings;
    this.lexicon = embeddings.lexicon();
    this.strategy = strategy;
    this.calibration = calibration;
    this.minScore = minScore;
    this.tuning = tuning;
  }

  /** The same classifier with another calibration, floor or tuning. */
  public LocalClassifier with(Calibration c, double floor, Tuning t) {
    return new LocalClassifier(embeddings, strategy, c, floor, t);
  }

  /**
   * This classifier, calling a text unknown as soon as it is closer to an uncovered kind, on the
   * catalog's examples alone: the parts of a report are checked as they were before labelled
   * incidents, so those can never take back a guard's objection (and add an auto-approval).
   */
  LocalClassifier strictAboutOthers() {
    return new LocalClassifier(
        embeddings, strategy, calibration, minScore, tuning.with(tuning.lexicalWeight(), 0), false);
  }

  public Strategy strategy() {
    return strategy;
  }

  public Calibration calibration() {
    return calibration;
  }

  @Override
  public String model() {
    return EmbeddingClassifier.MODEL;
  }

  @Override
  public Verdict classify(String service, String text) {
    return classifyWithScores(text).verdict();
  }

  /** The verdict together with the raw features it was calibrated from. */
  public Scored classifyWithScores(String text) {
    return decide(features(text));
  }

  /** The expensive part (one embedding), reusable across floors, tunings and calibrations. */
  public Features features(String text) {
    String prepared = prepare(text);
    if (prepared.isBlank()) {
      return new Features(prepared, List.of(), Map.of(), List.of(), null);
    }
    EmbeddingClassifier.Analysis a = embeddings.analyse(prepared);
    return new Features(
        prepared,
        a.scores(),
        lexicon.coverage(prepared),
        nearby(lexicon, prepared, a.others()),
        a.neighbour());
  }

  /** The closest reference lines, each with the share of the report's words it contains. */
  static List<Nearby> nearby(
      Lexicon lexicon, String prepared, List<OtherIncidents.Closest> others) {
    List<Nearby> out = new ArrayList<>();
    for (OtherIncidents.Closest o : others) {
      out.add(new Nearby(o, lexicon.share(prepared, o.text())));
    }
    return out;
  }

  /**
   * The decision on precomputed features: the examples' decision, or, when labelled incidents are
   * configured and their closest text carries another label, that label ({@link Relabel}).
   */
  public Scored decide(Features f) {
    Scored byExamples = decideByExamples(f);
    return f.neighbour() == null || !relabels
        ? byExamples
        : Relabel.apply(byExamples, f, calibration, minScore);
  }

  private Scored decideByExamples(Features f) {
    if (f.scores().isEmpty()) {
      // Text that names no symptom matches no runbook.
      return new Scored(
          new Verdict(null, 0, "", null, model()), 0, 0, "no words to classify", false, null);
    }
    List<Ranked> ranked = new ArrayList<>();
    for (EmbeddingClassifier.Score s : f.scores()) {
      double cos = strategy == Strategy.CENTROID ? s.centroid() : s.nearest();
      double lex = f.lexical().getOrDefault(s.runbook(), 0.0);
      ranked.add(new Ranked(s, cos, cos + tuning.lexicalWeight() * lex));
    }
    ranked.sort(Comparator.comparingDouble(Ranked::score).reversed());
    Ranked best = ranked.get(0);
    double s1 = best.score();
    double margin = ranked.size() > 1 ? s1 - ranked.get(1).score() : s1;
    String why = null;
    boolean elsewhere = false;
    OtherSide other = OtherSide.of(f.others(), tuning.otherLexicalWeight());
    double runbookSide = tuning.otherLexicalWeight() > 0 ? best.score() : best.cosine();
    if (other != null
        && !Double.isNaN(tuning.otherMargin())
        && runbookSide < other.score() + tuning.otherMargin()) {
      elsewhere = true;
      why =
          String.format(
              Locale.ROOT,
              "closer to an incident no runbook covers (\"%s\", %.2f) than to %s (%.2f)",
              other.line(),
              other.score(),
              best.s().runbook().label(),
              runbookSide);
    } else if (s1 < minScore) {
      why = String.format(Locale.ROOT, "best score %.2f below min-similarity %.2f", s1, minScore);
    }
    if (why != null) {
      // The calibration is fitted on cases that propose a runbook and says nothing about one that
      // proposes none: an unknown carries its best score, kept below the floor.
      double c = Math.max(0, Math.min(s1, minScore - 0.01));
      return new Scored(
          new Verdict(null, c, best.s().example(), null, model()),
          s1,
          margin,
          why,
          elsewhere,
          null);
    }
    double p = calibration.probability(s1, margin);
    Runbook r = best.s().runbook();
    return new Scored(
        new Verdict(r, p, best.s().example(), null, model()),
        s1,
        margin,
        String.format(Locale.ROOT, "score %.2f, margin %.2f over the next runbook", s1, margin),
        false,
        null);
  }

  /** Normalized, alert names split at camel case and underscores, denied causes left out. */
  static String prepare(String text) {
    String t =
        TextNormalizer.normalize(text)
            .replaceAll("([a-z])([A-Z])", "$1 $2")
            .replaceAll("([A-Z]+)([A-Z][a-z])", "$1 $2")
            .replace('_', ' ');
    return Segments.affirmed(t).strip();
  }

  /**
   * The features of one report: its prepared text, the runbooks' scores, the closest other lines
   * and the labelled text that labels it ({@link Vote}; null when no labelled incidents are
   * configured).
   */
  public record Features(
      String prepared,
      List<EmbeddingClassifier.Score> scores,
      Map<Runbook, Double> lexical,
      List<Nearby> others,
      Neighbour neighbour) {
    /** The closest reference line, or null when there is none. */
    public OtherIncidents.Closest other() {
      return others.isEmpty() ? null : others.get(0).line();
    }
  }

  /** A reference line close to the report, and the share of the report's words it contains. */
  public record Nearby(OtherIncidents.Closest line, double lexical) {}

  /**
   * A verdict, the raw score and margin behind its confidence, and why.
   *
   * @param elsewhere unknown because the text resembles a kind of incident no runbook covers
   * @param overruled why a person must decide because the labelled incidents overruled the
   *     examples' proposal; null when they did not
   */
  public record Scored(
      Verdict verdict,
      double similarity,
      double margin,
      String why,
      boolean elsewhere,
      String overruled) {}

  private record Ranked(EmbeddingClassifier.Score s, double cosine, double score) {}
}
