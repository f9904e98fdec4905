package dev.greenlight.classify;

import dev.greenlight.api.Classification;
import dev.greenlight.classify.Evaluation.Prediction;
import dev.greenlight.classify.Evaluation.Report;
import dev.greenlight.config.ClassifierSettings;
import dev.greenlight.config.GreenlightConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs every classifier variant over a labelled dataset: the local model with the nearest-example
 * and centroid strategies, raw and calibrated (the calibration in use, and a 5-fold cross-validated
 * refit on the dataset itself), and the LLM and {@code both} modes when an LLM is given.
 */
public final class EvalRunner {
  static final int FOLDS = 5;

  /** The reports and the Platt coefficients fitted on the whole dataset, per strategy. */
  public record Result(
      List<Report> reports,
      Map<LocalClassifier.Strategy, Calibration> fitted,
      Map<LocalClassifier.Strategy, Calibration> conservative) {}

  private EvalRunner() {}

  /**
   * @param calibration the calibration in use (from the config, or the shipped default)
   * @param llm the LLM classifier, or null to skip the LLM rows
   * @param floor the confidence floor the gate is evaluated at
   */
  public static Result run(
      GreenlightConfig config,
      List<EvalCase> cases,
      EmbeddingClassifier embeddings,
      Calibration calibration,
      IncidentClassifier llm,
      double floor) {
    double cap = Math.max(0, floor - 0.01);
    double minSim = config.policy().minSimilarity();
    List<Report> reports = new ArrayList<>();
    Map<LocalClassifier.Strategy, Calibration> fitted = new LinkedHashMap<>();
    Map<LocalClassifier.Strategy, Calibration> conservative = new LinkedHashMap<>();
    for (LocalClassifier.Strategy strategy : LocalClassifier.Strategy.values()) {
      String name = "local " + strategy.name().toLowerCase(java.util.Locale.ROOT);
      LocalClassifier raw = new LocalClassifier(embeddings, strategy, Calibration.RAW, minSim);
      List<LocalClassifier.Scored> scored = new ArrayList<>();
      List<Long> latency = new ArrayList<>();
      for (EvalCase c : cases) {
        long t0 = System.nanoTime();
        scored.add(raw.classifyWithScores(c.text()));
        latency.add(System.nanoTime() - t0);
      }
      reports.add(
          Evaluation.evaluate(
              name + ", raw similarity",
              predictions(cases, scored, latency, Calibration.RAW, cap, null),
              floor));
      if (strategy == LocalClassifier.Strategy.NEAREST) {
        reports.add(
            Evaluation.evaluate(
                name + ", calibrated (in use)",
                predictions(cases, scored, latency, calibration, cap, null),
                floor));
      }
      reports.add(
          Evaluation.evaluate(
              name + ", calibrated (5-fold CV)",
              predictions(cases, scored, latency, null, cap, crossValidated(cases, scored, 1)),
              floor));
      reports.add(
          Evaluation.evaluate(
              name + ", conservative (5-fold CV)",
              predictions(
                  cases,
                  scored,
                  latency,
                  null,
                  cap,
                  crossValidated(cases, scored, Calibration.CONSERVATIVE_WEIGHT)),
              floor));
      fitted.put(strategy, Calibration.fit(points(cases, scored, -1), 1));
      conservative.put(
          strategy, Calibration.fit(points(cases, scored, -1), Calibration.CONSERVATIVE_WEIGHT));
    }
    if (llm != null) {
      LocalClassifier local =
          new LocalClassifier(
              embeddings,
              LocalClassifier.Strategy.parse(config.classifier().strategy()),
              calibration,
              minSim);
      for (String mode : List.of(ClassifierSettings.LLM, ClassifierSettings.BOTH)) {
        CombinedClassifier combined = new CombinedClassifier(config, mode, local, llm);
        List<Prediction> ps = new ArrayList<>();
        for (EvalCase c : cases) {
          long t0 = System.nanoTime();
          Classification r = combined.classify(c.service(), "EVAL", c.text());
          ps.add(
              new Prediction(
                  c.expectedLabel(),
                  r.label(),
                  r.risk(),
                  r.confidence(),
                  r.degraded(),
                  System.nanoTime() - t0));
        }
        reports.add(Evaluation.evaluate(mode + " (" + llm.model() + ")", ps, floor));
      }
    }
    return new Result(reports, fitted, conservative);
  }

  /** Confidences from a 5-fold refit: each case's calibration never saw that case. */
  private static double[] crossValidated(
      List<EvalCase> cases, List<LocalClassifier.Scored> s, double wrongWeight) {
    double[] out = new double[cases.size()];
    for (int fold = 0; fold < FOLDS; fold++) {
      Calibration cal = Calibration.fit(points(cases, s, fold), wrongWeight);
      for (int i = fold; i < cases.size(); i += FOLDS) {
        out[i] = cal.probability(s.get(i).similarity(), s.get(i).margin());
      }
    }
    return out;
  }

  /** Labelled points of the cases that propose a runbook, leaving out one fold (or none: -1). */
  static List<Calibration.Point> points(
      List<EvalCase> cases, List<LocalClassifier.Scored> s, int leaveOutFold) {
    List<Calibration.Point> out = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      if (i % FOLDS == leaveOutFold || s.get(i).verdict().runbook() == null) {
        continue;
      }
      out.add(
          new Calibration.Point(
              s.get(i).similarity(),
              s.get(i).margin(),
              s.get(i).verdict().label().equals(cases.get(i).expectedLabel())));
    }
    return out;
  }

  private static List<Prediction> predictions(
      List<EvalCase> cases,
      List<LocalClassifier.Scored> scored,
      List<Long> latency,
      Calibration cal,
      double cap,
      double[] confidences) {
    List<Prediction> out = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      LocalClassifier.Scored s = scored.get(i);
      double conf =
          confidences != null
              ? confidences[i]
              : s.verdict().runbook() == null && s.similarity() == 0
                  ? 0
                  : cal.probability(s.similarity(), s.margin());
      boolean degraded = InjectionGuard.suspicious(cases.get(i).text()) != null;
      if (degraded) {
        conf = Math.min(conf, cap);
      }
      Verdict v = s.verdict();
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
}
