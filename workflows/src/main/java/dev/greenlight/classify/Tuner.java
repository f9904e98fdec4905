package dev.greenlight.classify;

import dev.greenlight.classify.Evaluation.Prediction;
import dev.greenlight.config.GreenlightConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fits every knob of the local classifier on one labelled set, so it can be tested on another: the
 * unknown floor ({@code min-similarity}), the lexical weight and the "other incidents" margin by
 * grid search (accuracy plus macro-F1), then the Platt calibration on the proposals, then the
 * lowest confidence floor (not below 0.90) with no wrong auto-approval on that set even without the
 * guards, plus 0.01.
 */
public final class Tuner {
  static final double[] MIN_SCORES = range(0.10, 0.90, 0.02);
  static final double[] LEXICAL = {0, 0.1, 0.2, 0.3, 0.5, 0.7};
  static final double[] OTHER = {Double.NaN, -0.25, -0.2, -0.15, -0.1, -0.05, 0};

  /**
   * The floor is never fitted below 0.90: a set with few low-risk near misses says nothing about
   * lower floors (it would "allow" 0.5), and a calibrated 0.9 is the least an unattended action
   * should need.
   */
  static final int LOWEST_FLOOR_PERCENT = 90;

  /** The knobs fitted on {@code source}. */
  public record Fit(
      String source,
      double minScore,
      LocalClassifier.Tuning tuning,
      Calibration calibration,
      double floor) {
    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "fitted on %s: min-similarity %.2f, lexical weight %.1f, other margin %s%s, %s,"
              + " confidence floor %.2f",
          source,
          minScore,
          tuning.lexicalWeight(),
          Double.isNaN(tuning.otherMargin())
              ? "off"
              : String.format(Locale.ROOT, "%.2f", tuning.otherMargin()),
          tuning.otherLexicalWeight() > 0
              ? String.format(
                  Locale.ROOT, " (other lexical weight %.2f, set)", tuning.otherLexicalWeight())
              : "",
          calibration,
          floor);
    }
  }

  private Tuner() {}

  public static Fit fit(
      GreenlightConfig config,
      List<EvalCase> cases,
      EmbeddingClassifier embeddings,
      LocalClassifier.Strategy strategy,
      String source) {
    // The grid fits the floor, lexical weight and margin; the kind of test is the configured one.
    return fit(
        config,
        cases,
        embeddings,
        strategy,
        source,
        LocalClassifier.Tuning.of(config.classifier().local()));
  }

  /** The fit with the test's other levers ({@code otherLexicalWeight}) as {@code levers} sets. */
  static Fit fit(
      GreenlightConfig config,
      List<EvalCase> cases,
      EmbeddingClassifier embeddings,
      LocalClassifier.Strategy strategy,
      String source,
      LocalClassifier.Tuning levers) {
    LocalClassifier base = new LocalClassifier(embeddings, strategy, Calibration.RAW, 0, levers);
    List<LocalClassifier.Features> features = new ArrayList<>();
    for (EvalCase c : cases) {
      features.add(base.features(c.text()));
    }
    double bestObjective = -1;
    double bestMin = 0;
    LocalClassifier.Tuning bestTuning = levers;
    for (double lex : LEXICAL) {
      for (double other : OTHER) {
        LocalClassifier.Tuning t = levers.with(lex, other);
        for (double min : MIN_SCORES) {
          LocalClassifier l = base.with(Calibration.RAW, min, t);
          List<Prediction> ps = new ArrayList<>();
          for (int i = 0; i < cases.size(); i++) {
            Verdict v = l.decide(features.get(i)).verdict();
            ps.add(new Prediction(cases.get(i).expectedLabel(), v.label(), null, 0, false, 0));
          }
          Evaluation.Report r = Evaluation.evaluate("grid", ps, 1);
          double objective = r.accuracy() + r.macroF1();
          if (objective > bestObjective + 1e-9) {
            bestObjective = objective;
            bestMin = min;
            bestTuning = t;
          }
        }
      }
    }
    LocalClassifier tuned = base.with(Calibration.RAW, bestMin, bestTuning);
    List<LocalClassifier.Scored> scored = new ArrayList<>();
    List<List<String>> guards = new ArrayList<>();
    List<Long> latency = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      LocalClassifier.Scored s = tuned.decide(features.get(i));
      scored.add(s);
      guards.add(Guards.reasons(cases.get(i).text(), s, tuned, config.runbooks()));
      latency.add(0L);
    }
    Calibration cal = Calibration.fit(new Rows(cases, scored, latency, guards, 0, 1).points(-1), 1);
    // The floor must hold on its own: a wrong low-risk proposal that a guard happens to catch on
    // this set still sets it, as the next set's near miss may not trip the guard.
    List<List<String>> unguarded = new ArrayList<>();
    cases.forEach(c -> unguarded.add(List.of()));
    double floor = 0.99;
    for (int f = 99; f >= LOWEST_FLOOR_PERCENT; f--) {
      double candidate = f / 100.0;
      Rows rows = new Rows(cases, scored, latency, unguarded, candidate - 0.01, candidate);
      if (rows.report("floor", rows.confidences(cal)).autoApprovedWrong() > 0) {
        break;
      }
      floor = candidate;
    }
    return new Fit(source, bestMin, bestTuning, cal, Math.min(0.99, floor + 0.01));
  }

  private static double[] range(double from, double to, double step) {
    int n = (int) Math.round((to - from) / step) + 1;
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = Math.round((from + i * step) * 100) / 100.0;
    }
    return out;
  }
}
