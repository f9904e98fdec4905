package dev.greenlight.classify;

import dev.greenlight.api.Classification;
import dev.greenlight.classify.Evaluation.Prediction;
import dev.greenlight.classify.Evaluation.Report;
import dev.greenlight.config.ClassifierSettings;
import dev.greenlight.config.GreenlightConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs every classifier variant over a labelled dataset: the local model with the nearest-example
 * and centroid strategies, raw and calibrated (the calibration in use, and a 5-fold cross-validated
 * refit on the dataset itself), and the LLM and {@code both} modes when an LLM is given. Every
 * variant's auto-approvals pass the same {@link Guards} as in production. The row marked "(in use)"
 * is the configured strategy and mode.
 */
public final class EvalRunner {
  static final int FOLDS = 5;

  /**
   * The reports, the Platt coefficients fitted on the whole dataset per strategy, and every case as
   * the in-use classifier saw it.
   */
  public record Result(
      List<Report> reports,
      Map<LocalClassifier.Strategy, Calibration> fitted,
      Map<LocalClassifier.Strategy, Calibration> conservative,
      List<CaseResult> cases,
      String inUse,
      Calibration catalog) {
    public Report inUseReport() {
      return reports.stream().filter(r -> r.name().equals(inUse)).findFirst().orElseThrow();
    }
  }

  /** One case as the in-use classifier saw it; route is auto, human or unknown. */
  public record CaseResult(
      String text,
      String expected,
      String predicted,
      double confidence,
      String route,
      String why) {}

  private EvalRunner() {}

  /** The configured strategy and mode, the calibration in use, the LLM (or null). */
  public static Result run(
      GreenlightConfig config,
      List<EvalCase> cases,
      EmbeddingClassifier embeddings,
      Calibration calibration,
      IncidentClassifier llm,
      double floor) {
    return run(
        config,
        cases,
        embeddings,
        calibration,
        config.policy().minSimilarity(),
        LocalClassifier.Tuning.of(config.classifier().local()),
        llm,
        floor);
  }

  /** With the knobs fitted on another set ({@link Tuner}). */
  public static Result run(
      GreenlightConfig config,
      List<EvalCase> cases,
      EmbeddingClassifier embeddings,
      Tuner.Fit fit) {
    return run(
        config,
        cases,
        embeddings,
        fit.calibration(),
        fit.minScore(),
        fit.tuning(),
        null,
        fit.floor());
  }

  public static Result run(
      GreenlightConfig config,
      List<EvalCase> cases,
      EmbeddingClassifier embeddings,
      Calibration calibration,
      double minScore,
      LocalClassifier.Tuning tuning,
      IncidentClassifier llm,
      double floor) {
    double cap = Math.max(0, floor - 0.01);
    LocalClassifier.Strategy configured =
        LocalClassifier.Strategy.parse(config.classifier().strategy());
    String mode = config.classifier().mode();
    boolean localInUse = mode.equals(ClassifierSettings.LOCAL) || llm == null;
    List<Report> reports = new ArrayList<>();
    Map<LocalClassifier.Strategy, Calibration> fitted = new LinkedHashMap<>();
    Map<LocalClassifier.Strategy, Calibration> conservative = new LinkedHashMap<>();
    List<CaseResult> caseResults = new ArrayList<>();
    String inUse = null;
    Calibration catalogFit = null;
    for (LocalClassifier.Strategy strategy : LocalClassifier.Strategy.values()) {
      String name = "local " + strategy.name().toLowerCase(Locale.ROOT);
      LocalClassifier local =
          new LocalClassifier(embeddings, strategy, Calibration.RAW, minScore, tuning);
      List<LocalClassifier.Scored> scored = new ArrayList<>();
      List<Long> latency = new ArrayList<>();
      List<List<String>> guards = new ArrayList<>();
      for (EvalCase c : cases) {
        long t0 = System.nanoTime();
        LocalClassifier.Scored s = local.classifyWithScores(c.text());
        guards.add(Guards.reasons(c.text(), s, local, config.runbooks()));
        latency.add(System.nanoTime() - t0);
        scored.add(s);
      }
      Rows rows = new Rows(cases, scored, latency, guards, cap, floor);
      reports.add(rows.report(name + ", raw similarity", rows.confidences(Calibration.RAW)));
      if (strategy == configured) {
        String n = name + ", calibrated" + (localInUse ? " (in use)" : "");
        double[] conf = rows.confidences(calibration);
        reports.add(rows.report(n, conf));
        if (localInUse) {
          inUse = n;
          caseResults = rows.cases(conf);
        }
        Calibration fromCatalog =
            CatalogCalibration.fit(embeddings, local.with(Calibration.RAW, minScore, tuning));
        catalogFit = fromCatalog;
        reports.add(
            rows.report(name + ", calibrated (catalog LOO)", rows.confidences(fromCatalog)));
      }
      reports.add(rows.report(name + ", calibrated (5-fold CV)", rows.crossValidated(1)));
      reports.add(
          rows.report(
              name + ", conservative (5-fold CV)",
              rows.crossValidated(Calibration.CONSERVATIVE_WEIGHT)));
      fitted.put(strategy, Calibration.fit(rows.points(-1), 1));
      conservative.put(strategy, Calibration.fit(rows.points(-1), Calibration.CONSERVATIVE_WEIGHT));
    }
    if (llm != null) {
      LocalClassifier local =
          new LocalClassifier(embeddings, configured, calibration, minScore, tuning);
      for (String m : List.of(ClassifierSettings.LLM, ClassifierSettings.BOTH)) {
        CombinedClassifier combined = new CombinedClassifier(config, m, local, llm);
        List<Prediction> ps = new ArrayList<>();
        List<CaseResult> cs = new ArrayList<>();
        for (EvalCase c : cases) {
          long t0 = System.nanoTime();
          CombinedClassifier.Explained e = combined.explain(c.service(), "EVAL", c.text());
          Classification r = e.classification();
          Prediction p =
              new Prediction(
                  c.expectedLabel(),
                  r.label(),
                  r.risk(),
                  r.confidence(),
                  r.degraded(),
                  System.nanoTime() - t0);
          ps.add(p);
          cs.add(
              new CaseResult(
                  c.text(),
                  c.expectedLabel(),
                  r.label(),
                  r.confidence(),
                  route(p, floor),
                  r.degraded() ? r.degradedReason() : e.why()));
        }
        String n = m + " (" + llm.model() + ")" + (m.equals(mode) ? " (in use)" : "");
        reports.add(Evaluation.evaluate(n, ps, floor));
        if (m.equals(mode)) {
          inUse = n;
          caseResults = cs;
        }
      }
    }
    return new Result(reports, fitted, conservative, caseResults, inUse, catalogFit);
  }

  /** auto (would run unattended), human (a proposal a person decides) or unknown. */
  static String route(Prediction p, double floor) {
    if (p.predicted().equals(Verdict.UNKNOWN_LABEL)) {
      return "unknown";
    }
    return p.autoApproved(floor) ? "auto" : "human";
  }
}
