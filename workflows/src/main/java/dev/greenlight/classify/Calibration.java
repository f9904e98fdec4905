package dev.greenlight.classify;

import dev.greenlight.config.ClassifierSettings;
import dev.greenlight.config.PlattSettings;
import java.util.List;
import java.util.Locale;

/**
 * Maps the local model's raw scores to a calibrated probability that the proposed runbook is right:
 * Platt scaling over two features, the best runbook's cosine similarity {@code s} and its margin
 * over the second-best runbook {@code m}:
 *
 * <pre>p = 1 / (1 + exp(-(intercept + wSimilarity * s + wMargin * m)))</pre>
 *
 * Deterministic and monotone in both features. {@link #RAW} is the uncalibrated baseline (p = s).
 * {@link #fit} refits it on a team's own labelled data (the {@code eval} command prints the refit).
 */
public record Calibration(double intercept, double wSimilarity, double wMargin, boolean raw) {
  /** No calibration: the confidence is the cosine similarity itself. */
  public static final Calibration RAW = new Calibration(0, 0, 0, true);

  /**
   * The mapping in use: the plain (unweighted) maximum-likelihood Platt fit on the cases of the
   * built-in set (workflows/src/main/resources/eval/incidents.jsonl) that propose a runbook, with
   * the demo catalog, the nearest-example strategy and the default tuning; rounded to three
   * decimals. The fit's margin weight came out negative, so the margin is left out (see {@link
   * #fit}). It is reported on the second set (eval/oncall.jsonl), never chosen on it. {@code
   * greenlight eval} refits and prints these coefficients ("nearest calibrated").
   */
  public static final Calibration DEFAULT = new Calibration(-0.870, 4.906, 0, false);

  /**
   * Weight of a wrong proposal in the "conservative" comparison fit the eval also reports (the
   * mapping shipped before {@link #DEFAULT} became the plain fit): it leans under-confident, which
   * lowers the floor needed for zero wrong auto-approvals but breaks "90% means 9 in 10".
   */
  public static final double CONSERVATIVE_WEIGHT = 3.0;

  /** The catalog's own calibration ({@code classifier.calibration}), or {@link #DEFAULT}. */
  public static Calibration configured(ClassifierSettings settings) {
    PlattSettings p = settings.calibration();
    return p == null ? DEFAULT : platt(p.intercept(), p.similarity(), p.margin());
  }

  public static Calibration platt(double intercept, double wSimilarity, double wMargin) {
    return new Calibration(intercept, wSimilarity, wMargin, false);
  }

  public double probability(double similarity, double margin) {
    if (raw) {
      return clamp(similarity);
    }
    double z = intercept + wSimilarity * similarity + wMargin * margin;
    return clamp(1 / (1 + Math.exp(-z)));
  }

  private static double clamp(double p) {
    return Math.max(0, Math.min(1, p));
  }

  /**
   * Fits Platt coefficients by Newton's method on the logistic log-likelihood with a small ridge
   * penalty (so a perfectly separable set still gives finite weights). Deterministic.
   *
   * @param points (similarity, margin, correct) triples
   * @param wrongWeight how much a wrong proposal counts against a right one (1: plain maximum
   *     likelihood, i.e. calibrated; above 1: conservative)
   */
  public static Calibration fit(List<Point> points, double wrongWeight) {
    Calibration c = fitBoth(points, wrongWeight);
    if (c.wMargin() >= 0 && c.wSimilarity() >= 0) {
      return c;
    }
    // Keep the mapping monotone: a larger score or margin never lowers the confidence. When the
    // fit wants a negative weight (the two features are correlated), that feature is left out:
    // the margin first; then, if the score's weight is negative, the score; then both (the rate).
    if (c.wMargin() < 0) {
      Calibration s = fitBoth(only(points, true, false), wrongWeight);
      if (s.wSimilarity() >= 0) {
        return platt(s.intercept(), s.wSimilarity(), 0);
      }
    }
    Calibration m = fitBoth(only(points, false, true), wrongWeight);
    if (m.wMargin() >= 0) {
      return platt(m.intercept(), 0, m.wMargin());
    }
    return platt(fitBoth(only(points, false, false), wrongWeight).intercept(), 0, 0);
  }

  private static List<Point> only(List<Point> points, boolean similarity, boolean margin) {
    return points.stream()
        .map(p -> new Point(similarity ? p.similarity() : 0, margin ? p.margin() : 0, p.correct()))
        .toList();
  }

  private static Calibration fitBoth(List<Point> points, double wrongWeight) {
    double[] w = {0, 0, 0};
    double lambda = 1e-2;
    for (int iter = 0; iter < 100; iter++) {
      double[] g = new double[3];
      double[][] h = new double[3][3];
      for (Point pt : points) {
        double[] x = {1, pt.similarity(), pt.margin()};
        double z = w[0] * x[0] + w[1] * x[1] + w[2] * x[2];
        double p = 1 / (1 + Math.exp(-z));
        double y = pt.correct() ? 1 : 0;
        double wt = pt.correct() ? 1 : wrongWeight;
        for (int i = 0; i < 3; i++) {
          g[i] += wt * (p - y) * x[i];
          for (int j = 0; j < 3; j++) {
            h[i][j] += wt * p * (1 - p) * x[i] * x[j];
          }
        }
      }
      for (int i = 1; i < 3; i++) {
        g[i] += lambda * w[i];
        h[i][i] += lambda;
      }
      h[0][0] += 1e-9;
      double[] step = solve(h, g);
      double norm = 0;
      for (int i = 0; i < 3; i++) {
        w[i] -= step[i];
        norm += step[i] * step[i];
      }
      if (norm < 1e-18) {
        break;
      }
    }
    return platt(w[0], w[1], w[2]);
  }

  private static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    double[][] m = new double[n][n + 1];
    for (int i = 0; i < n; i++) {
      System.arraycopy(a[i], 0, m[i], 0, n);
      m[i][n] = b[i];
    }
    for (int c = 0; c < n; c++) {
      int pivot = c;
      for (int r = c + 1; r < n; r++) {
        if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
          pivot = r;
        }
      }
      double[] tmp = m[c];
      m[c] = m[pivot];
      m[pivot] = tmp;
      if (Math.abs(m[c][c]) < 1e-12) {
        return new double[n];
      }
      for (int r = 0; r < n; r++) {
        if (r != c) {
          double f = m[r][c] / m[c][c];
          for (int k = c; k <= n; k++) {
            m[r][k] -= f * m[c][k];
          }
        }
      }
    }
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = m[i][n] / m[i][i];
    }
    return x;
  }

  @Override
  public String toString() {
    return raw
        ? "raw cosine similarity"
        : String.format(
            Locale.ROOT,
            "Platt p = sigmoid(%.3f + %.3f*similarity + %.3f*margin)",
            intercept,
            wSimilarity,
            wMargin);
  }

  /** One labelled observation for {@link #fit}. */
  public record Point(double similarity, double margin, boolean correct) {}
}
