package dev.greenlight.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.greenlight.api.Risk;
import dev.greenlight.classify.Evaluation.Bin;
import dev.greenlight.classify.Evaluation.Prediction;
import dev.greenlight.classify.Evaluation.Report;
import dev.greenlight.config.ConfigLoader;
import dev.greenlight.config.GreenlightConfig;
import dev.greenlight.config.Policy;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The evaluation's metrics on ten hand-computed predictions, and a small real run. */
class EvaluationTest {
  private static final String OOM = "oom-killed";
  private static final String CACHE = "stale-cache";
  private static final String DEPLOY = "bad-deploy";
  private static final String UNKNOWN = "unknown";

  private static List<Prediction> ten() {
    Object[][] rows = {
      {CACHE, CACHE, Risk.LOW, 0.95, false},
      {CACHE, CACHE, Risk.LOW, 0.85, false},
      {OOM, OOM, Risk.MEDIUM, 0.90, false},
      {OOM, CACHE, Risk.LOW, 0.82, true},
      {DEPLOY, DEPLOY, Risk.HIGH, 0.75, false},
      {DEPLOY, UNKNOWN, null, 0.30, false},
      {UNKNOWN, UNKNOWN, null, 0.20, false},
      {UNKNOWN, CACHE, Risk.LOW, 0.81, false},
      {CACHE, CACHE, Risk.LOW, 0.50, false},
      {OOM, OOM, Risk.MEDIUM, 0.15, false},
    };
    List<Prediction> out = new ArrayList<>();
    for (int i = 0; i < rows.length; i++) {
      Object[] r = rows[i];
      out.add(
          new Prediction(
              (String) r[0],
              (String) r[1],
              (Risk) r[2],
              (double) r[3],
              (boolean) r[4],
              (i + 1) * 1_000_000L));
    }
    return out;
  }

  @Test
  void metricsMatchTheHandComputedValues() {
    Report r = Evaluation.evaluate("t", ten(), 0.80);

    assertThat(r.cases()).isEqualTo(10);
    assertThat(r.accuracy()).isCloseTo(0.7, within(1e-9));
    // F1: stale-cache 6/8, oom-killed 4/5, bad-deploy 2/3, unknown 2/4.
    assertThat(r.macroF1()).isCloseTo((0.75 + 0.8 + 2.0 / 3 + 0.5) / 4, within(1e-9));
    // Eight cases propose a runbook; bins 9, 8, 7, 5 and 1.
    assertThat(r.calibrated()).isEqualTo(8);
    assertThat(r.reliability()).extracting(Bin::count).containsExactly(1, 1, 1, 3, 2);
    Bin eight = r.reliability().get(3);
    assertThat(eight.meanConfidence()).isCloseTo((0.85 + 0.82 + 0.81) / 3, within(1e-9));
    assertThat(eight.accuracy()).isCloseTo(1.0 / 3, within(1e-9));
    assertThat(r.ece()).isCloseTo(0.01875 + 0.185 + 0.03125 + 0.0625 + 0.10625, within(1e-9));
    // Auto-approved: cases 1, 2 and 8 (case 4 is degraded); case 8 was wrong.
    assertThat(r.autoApproved()).isEqualTo(3);
    assertThat(r.autoApprovedWrong()).isEqualTo(1);
    assertThat(r.humanShare()).isCloseTo(0.7, within(1e-9));
    assertThat(r.p50Millis()).isCloseTo(5.0, within(1e-9));
    assertThat(r.p99Millis()).isCloseTo(10.0, within(1e-9));
    assertThat(Evaluation.table(List.of(r), 0.8)).contains("t ", "0.700", "70.0%", "3 (1)");
  }

  @Test
  void perfectlyCalibratedPredictionsHaveZeroEce() {
    List<Prediction> ps = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      ps.add(new Prediction(OOM, i < 9 ? OOM : CACHE, Risk.MEDIUM, 0.9, false, 1));
    }
    assertThat(Evaluation.evaluate("c", ps, 0.8).ece()).isCloseTo(0, within(1e-9));
  }

  @Test
  void datasetLinesAreReadStrictly() {
    List<EvalCase> cases =
        EvalCase.read(
            new StringReader(
                "# comment\n{\"text\":\"pods OOMKilled\",\"service\":\"checkout-api\","
                    + "\"expected_label\":\"oom-killed\"}\n\n{\"text\":\"coffee\",\"expected_label\":\"unknown\"}\n"),
            "t");
    assertThat(cases)
        .containsExactly(
            new EvalCase("pods OOMKilled", "checkout-api", "oom-killed"),
            new EvalCase("coffee", "", "unknown"));
    assertThatThrownBy(() -> EvalCase.read(new StringReader("{\"text\":\"x\"}"), "f.jsonl"))
        .hasMessageContaining("f.jsonl:1");
  }

  @Test
  void builtInDatasetIsLargeCoversEveryLabelAndIsUnique() {
    List<EvalCase> cases = EvalCase.builtIn();
    assertThat(cases.size()).isGreaterThanOrEqualTo(150);
    assertThat(cases.stream().map(EvalCase::expectedLabel).collect(Collectors.toSet()))
        .isEqualTo(Set.of(OOM, CACHE, DEPLOY, UNKNOWN));
    assertThat(cases.stream().map(EvalCase::text).distinct().count()).isEqualTo(cases.size());
  }

  @Test
  void calibrationIsMonotoneDeterministicAndRawIsTheSimilarity() {
    assertThat(Calibration.RAW.probability(0.63, 0.2)).isEqualTo(0.63);
    Calibration c = Calibration.DEFAULT;
    assertThat(c.probability(0.7, 0.2)).isGreaterThan(c.probability(0.5, 0.2));
    assertThat(c.probability(0.6, 0.3)).isGreaterThanOrEqualTo(c.probability(0.6, 0.1));
    List<Calibration.Point> pts = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      double s = 0.4 + i * 0.01;
      pts.add(new Calibration.Point(s, s / 3, i % 4 != 0 || s > 0.6));
    }
    Calibration a = Calibration.fit(pts, 1);
    assertThat(Calibration.fit(pts, 1)).isEqualTo(a);
    assertThat(a.probability(0.75, 0.25)).isGreaterThan(a.probability(0.45, 0.15));
    // Weighting wrong answers makes the fit more cautious everywhere.
    assertThat(Calibration.fit(pts, 3).probability(0.5, 0.17)).isLessThan(a.probability(0.5, 0.17));
  }

  @Test
  void anExactExampleClearsTheDefaultFloorAndTheLowerFloorsTeamsUse() {
    // Similarity 1.0 (the report is one of the runbook's examples) auto-runs a low-risk runbook
    // even with no margin at all; the bot's end-to-end tests rely on it at floor 0.80.
    double p = Calibration.DEFAULT.probability(1.0, 0.0);
    assertThat(p).isGreaterThanOrEqualTo(Policy.DEFAULT_CONFIDENCE_FLOOR).isGreaterThan(0.80);
  }

  @Test
  void shippedCalibrationIsThePlainFitOfTheBuiltInSetAndSafeAtTheDemoFloor() {
    GreenlightConfig demo = ConfigLoader.loadDemo();
    double floor = demo.policy().confidenceFloor();
    assertThat(floor).isEqualTo(Policy.DEFAULT_CONFIDENCE_FLOOR);

    EvalRunner.Result result =
        EvalRunner.run(
            demo,
            EvalCase.builtIn(),
            SharedModel.classifier(demo.runbooks()),
            Calibration.DEFAULT,
            null,
            floor);

    // Reproducible: `greenlight eval` refits the same (unweighted) coefficients, up to rounding.
    Calibration refit = result.fitted().get(LocalClassifier.Strategy.NEAREST);
    assertThat(refit.intercept()).isCloseTo(Calibration.DEFAULT.intercept(), within(0.005));
    assertThat(refit.wSimilarity()).isCloseTo(Calibration.DEFAULT.wSimilarity(), within(0.005));
    assertThat(refit.wMargin()).isCloseTo(Calibration.DEFAULT.wMargin(), within(0.005));
    Report inUse = report(result, "local nearest, calibrated (in use)");
    Report crossValidated = report(result, "local nearest, calibrated (5-fold CV)");
    // Calibrated: in-sample and on held-out folds.
    assertThat(inUse.ece()).isLessThan(0.05);
    assertThat(crossValidated.ece()).isLessThan(0.05);
    // The demo floor is high enough that nothing is auto-approved wrongly, in sample or held out.
    assertThat(inUse.autoApproved()).isPositive();
    assertThat(inUse.autoApprovedWrong()).isZero();
    assertThat(crossValidated.autoApprovedWrong()).isZero();
  }

  private static Report report(EvalRunner.Result result, String name) {
    return result.reports().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void aSmallRealRunComputesEveryRow() {
    GreenlightConfig demo = ConfigLoader.loadDemo();
    List<EvalCase> cases = EvalCase.builtIn().subList(0, 10);

    EvalRunner.Result result =
        EvalRunner.run(
            demo, cases, SharedModel.classifier(demo.runbooks()), Calibration.DEFAULT, null, 0.8);

    assertThat(result.reports()).hasSize(8).allSatisfy(r -> assertThat(r.cases()).isEqualTo(10));
    assertThat(result.reports().get(1).name()).contains("in use");
    assertThat(result.reports().get(1).autoApprovedWrong()).isZero();
    assertThat(result.fitted()).containsKeys(LocalClassifier.Strategy.values());
  }
}
