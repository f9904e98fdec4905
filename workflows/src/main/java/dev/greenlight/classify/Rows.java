package dev.greenlight.classify;

import dev.greenlight.classify.Evaluation.Prediction;
import dev.greenlight.classify.Evaluation.Report;
import java.util.ArrayList;
import java.util.List;

/** One local variant's classified cases, turned into report rows for several calibrations. */
final class Rows {
  private final List<EvalCase> cases;
  private final List<LocalClassifier.Scored> scored;
  private final List<Long> latency;
  private final List<List<String>> guards;
  private final double cap;
  private final double floor;

  Rows(
      List<EvalCase> cases,
      List<LocalClassifier.Scored> scored,
      List<Long> latency,
      List<List<String>> guards,
      double cap,
      double floor) {
    this.cases = cases;
    this.scored = scored;
    this.latency = latency;
    this.guards = guards;
    this.cap = cap;
    this.floor = floor;
  }

  double[] confidences(Calibration cal) {
    double[] out = new double[cases.size()];
    for (int i = 0; i < out.length; i++) {
      LocalClassifier.Scored s = scored.get(i);
      out[i] =
          s.verdict().runbook() == null
              ? s.verdict().confidence()
              : cal.probability(s.similarity(), s.margin());
    }
    return out;
  }

  /** Confidences from a 5-fold refit: each case's calibration never saw that case. */
  double[] crossValidated(double wrongWeight) {
    double[] out = confidences(Calibration.RAW);
    for (int fold = 0; fold < EvalRunner.FOLDS; fold++) {
      Calibration cal = Calibration.fit(points(fold), wrongWeight);
      for (int i = fold; i < cases.size(); i += EvalRunner.FOLDS) {
        if (scored.get(i).verdict().runbook() != null) {
          out[i] = cal.probability(scored.get(i).similarity(), scored.get(i).margin());
        }
      }
    }
    return out;
  }

  /** Labelled points of the cases that propose a runbook, leaving out one fold (or none: -1). */
  List<Calibration.Point> points(int leaveOutFold) {
    List<Calibration.Point> out = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      if (i % EvalRunner.FOLDS == leaveOutFold || scored.get(i).verdict().runbook() == null) {
        continue;
      }
      out.add(
          new Calibration.Point(
              scored.get(i).similarity(),
              scored.get(i).margin(),
              scored.get(i).verdict().label().equals(cases.get(i).expectedLabel())));
    }
    return out;
  }

  List<Prediction> predictions(double[] confidences) {
    List<Prediction> out = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      Verdict v = scored.get(i).verdict();
      boolean degraded = !guards.get(i).isEmpty();
      double conf = degraded ? Math.min(confidences[i], cap) : confidences[i];
      out.add(
          new Prediction(
              cases.get(i).expectedLabel(),
              v.label(),
              v.runbook() == null ? null : v.runbook().risk(),
              conf,
              degraded,
              latency.get(i)));
    }
    return out;
  }

  Report report(String name, double[] confidences) {
    return Evaluation.evaluate(name, predictions(confidences), floor);
  }

  List<EvalRunner.CaseResult> cases(double[] confidences) {
    List<Prediction> ps = predictions(confidences);
    List<EvalRunner.CaseResult> out = new ArrayList<>();
    for (int i = 0; i < ps.size(); i++) {
      Prediction p = ps.get(i);
      out.add(
          new EvalRunner.CaseResult(
              cases.get(i).text(),
              p.expected(),
              p.predicted(),
              p.confidence(),
              EvalRunner.route(p, floor),
              guards.get(i).isEmpty() ? scored.get(i).why() : String.join("; ", guards.get(i))));
    }
    return out;
  }
}
