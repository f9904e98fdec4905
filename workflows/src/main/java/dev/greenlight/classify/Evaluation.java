package dev.greenlight.classify;

import dev.greenlight.api.Risk;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Metrics of one classifier on a labelled dataset: accuracy, macro-F1, calibration (expected
 * calibration error and reliability table), how many cases the gate would send to a human at a
 * confidence floor, how many auto-approved cases were wrong, and latency.
 *
 * <p>Calibration is measured on the cases where a runbook is proposed (the cards whose confidence
 * can auto-run an action): a confidence of 0.9 should be right 9 times in 10.
 */
public final class Evaluation {
  public static final int BINS = 10;

  /** One classified case. */
  public record Prediction(
      String expected,
      String predicted,
      Risk risk,
      double confidence,
      boolean degraded,
      long latencyNanos) {
    public boolean correct() {
      return expected.equals(predicted);
    }

    public boolean proposesRunbook() {
      return risk != null;
    }

    /** The gate rule: low risk, at or above the floor, and not degraded. */
    public boolean autoApproved(double floor) {
      return risk == Risk.LOW && confidence >= floor && !degraded;
    }
  }

  /** One row of the reliability table. */
  public record Bin(
      double lower, double upper, int count, double meanConfidence, double accuracy) {}

  /** The metrics. */
  public record Report(
      String name,
      int cases,
      double accuracy,
      double macroF1,
      double ece,
      int calibrated,
      List<Bin> reliability,
      double humanShare,
      int autoApproved,
      int autoApprovedWrong,
      double p50Millis,
      double p99Millis,
      double unknownPrecision,
      double unknownRecall) {}

  private Evaluation() {}

  public static Report evaluate(String name, List<Prediction> ps, double floor) {
    int n = ps.size();
    int correct = (int) ps.stream().filter(Prediction::correct).count();
    Set<String> labels = new TreeSet<>();
    for (Prediction p : ps) {
      labels.add(p.expected());
      labels.add(p.predicted());
    }
    double f1Sum = 0;
    double unknownPrecision = 0;
    double unknownRecall = 0;
    for (String l : labels) {
      int tp = 0;
      int fp = 0;
      int fn = 0;
      for (Prediction p : ps) {
        boolean pred = p.predicted().equals(l);
        boolean exp = p.expected().equals(l);
        if (pred && exp) {
          tp++;
        } else if (pred) {
          fp++;
        } else if (exp) {
          fn++;
        }
      }
      f1Sum += tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
      if (l.equals(Verdict.UNKNOWN_LABEL)) {
        unknownPrecision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        unknownRecall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
      }
    }
    List<Prediction> proposed = ps.stream().filter(Prediction::proposesRunbook).toList();
    List<Bin> bins = reliability(proposed);
    double ece = 0;
    for (Bin b : bins) {
      ece += (double) b.count() / proposed.size() * Math.abs(b.accuracy() - b.meanConfidence());
    }
    int auto = 0;
    int autoWrong = 0;
    for (Prediction p : ps) {
      if (p.autoApproved(floor)) {
        auto++;
        if (!p.correct()) {
          autoWrong++;
        }
      }
    }
    long[] lat = ps.stream().mapToLong(Prediction::latencyNanos).sorted().toArray();
    return new Report(
        name,
        n,
        n == 0 ? 0 : (double) correct / n,
        labels.isEmpty() ? 0 : f1Sum / labels.size(),
        ece,
        proposed.size(),
        bins,
        n == 0 ? 0 : (double) (n - auto) / n,
        auto,
        autoWrong,
        percentile(lat, 50) / 1e6,
        percentile(lat, 99) / 1e6,
        unknownPrecision,
        unknownRecall);
  }

  /** Equal-width bins over 0..1 (the last one includes 1.0); empty bins are left out. */
  static List<Bin> reliability(List<Prediction> ps) {
    List<Bin> out = new ArrayList<>();
    for (int b = 0; b < BINS; b++) {
      double lo = (double) b / BINS;
      double hi = (double) (b + 1) / BINS;
      int count = 0;
      double conf = 0;
      int right = 0;
      for (Prediction p : ps) {
        int idx = Math.min(BINS - 1, (int) Math.floor(p.confidence() * BINS));
        if (idx == b) {
          count++;
          conf += p.confidence();
          right += p.correct() ? 1 : 0;
        }
      }
      if (count > 0) {
        out.add(new Bin(lo, hi, count, conf / count, (double) right / count));
      }
    }
    return out;
  }

  /** Nearest-rank percentile of sorted values; 0 when empty. */
  static double percentile(long[] sorted, int pct) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(pct / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  /** The summary table, one row per report. */
  public static String table(List<Report> reports, double floor) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "%-40s %5s %8s %8s %6s %6s %7s %9s %10s %9s %8s%n",
            "classifier",
            "n",
            "accuracy",
            "macro-F1",
            "unk-P",
            "unk-R",
            "ECE",
            "to human",
            "auto(wrong)",
            "p50 ms",
            "p99 ms"));
    for (Report r : reports) {
      sb.append(
          String.format(
              Locale.ROOT,
              "%-40s %5d %8.3f %8.3f %6.3f %6.3f %7.3f %8.1f%% %7d (%d) %9.1f %8.1f%n",
              r.name(),
              r.cases(),
              r.accuracy(),
              r.macroF1(),
              r.unknownPrecision(),
              r.unknownRecall(),
              r.ece(),
              r.humanShare() * 100,
              r.autoApproved(),
              r.autoApprovedWrong(),
              r.p50Millis(),
              r.p99Millis()));
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "to human: share of cases the gate leaves to a person at confidence floor %.2f;"
                + " auto(wrong): cases auto-approved (and how many of them were wrong).%n"
                + "unk-P, unk-R: precision and recall of the label unknown.%n"
                + "ECE: expected calibration error over the cases that propose a runbook (%d bins).%n",
            floor,
            BINS));
    return sb.toString();
  }

  /** The reliability table of one report. */
  public static String reliabilityTable(Report r) {
    StringBuilder sb = new StringBuilder();
    sb.append("Reliability, ")
        .append(r.name())
        .append(" (")
        .append(r.calibrated())
        .append(" cases proposing a runbook):\n");
    sb.append(
        String.format(
            Locale.ROOT, "  %-11s %6s %10s %9s%n", "confidence", "cases", "mean conf", "accuracy"));
    for (Bin b : r.reliability()) {
      sb.append(
          String.format(
              Locale.ROOT,
              "  %.1f-%.1f    %6d %10.3f %9.3f%n",
              b.lower(),
              b.upper(),
              b.count(),
              b.meanConfidence(),
              b.accuracy()));
    }
    return sb.toString();
  }
}
