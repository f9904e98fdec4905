package dev.greenlight.classify;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The local classifier: all-MiniLM-L6-v2 similarities against the catalog's example symptoms,
 * turned into a calibrated confidence. Below {@code minSimilarity} (to the closest example of any
 * runbook) the incident is unknown.
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

  private final EmbeddingClassifier embeddings;
  private final Strategy strategy;
  private final Calibration calibration;
  private final double minSimilarity;

  public LocalClassifier(
      EmbeddingClassifier embeddings,
      Strategy strategy,
      Calibration calibration,
      double minSimilarity) {
    this.embeddings = embeddings;
    this.strategy = strategy;
    this.calibration = calibration;
    this.minSimilarity = minSimilarity;
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
    if (text == null || text.isBlank()) {
      // The model refuses to embed blank text; text that names no symptom matches no runbook.
      return new Scored(new Verdict(null, 0, "", null, model()), 0, 0);
    }
    List<EmbeddingClassifier.Score> scores = embeddings.scores(text);
    double closestExample = scores.get(0).nearest();
    List<EmbeddingClassifier.Score> ranked =
        scores.stream().sorted(Comparator.comparingDouble(this::score).reversed()).toList();
    EmbeddingClassifier.Score best = ranked.get(0);
    double s1 = score(best);
    double margin = ranked.size() > 1 ? s1 - score(ranked.get(1)) : s1;
    if (closestExample < minSimilarity) {
      // The calibration is fitted on cases that propose a runbook and says nothing about one that
      // proposes none: an unknown carries the closest example's similarity (below min-similarity).
      return new Scored(
          new Verdict(null, closestExample, scores.get(0).example(), null, model()), s1, margin);
    }
    double p = calibration.probability(s1, margin);
    return new Scored(new Verdict(best.runbook(), p, best.example(), null, model()), s1, margin);
  }

  private double score(EmbeddingClassifier.Score s) {
    return strategy == Strategy.CENTROID ? s.centroid() : s.nearest();
  }

  /** A verdict and the raw similarity and margin behind its confidence. */
  public record Scored(Verdict verdict, double similarity, double margin) {}
}
