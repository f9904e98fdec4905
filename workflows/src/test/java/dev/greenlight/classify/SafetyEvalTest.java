package dev.greenlight.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.config.ConfigLoader;
import dev.greenlight.config.GreenlightConfig;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shipped classifier (demo catalog, its floor, the shipped calibration and tuning) on all four
 * labelled sets and the three blind ones (each written from the runbooks' labels and descriptions
 * alone): not one case is auto-approved wrongly, and accuracy and the unknown label hold on the set
 * the defaults were not chosen on.
 */
class SafetyEvalTest {
  private static GreenlightConfig demo;
  private static EmbeddingClassifier embeddings;

  @BeforeAll
  static void load() {
    demo = ConfigLoader.loadDemo();
    embeddings = SharedModel.classifier(demo.runbooks());
  }

  @ParameterizedTest
  @MethodSource("dev.greenlight.classify.DemoSets#all")
  void noWrongAutoApprovalOnAnySet(String resource) {
    List<EvalCase> cases = EvalCase.resource(resource);
    EvalRunner.Result r =
        EvalRunner.run(
            demo, cases, embeddings, Calibration.DEFAULT, null, demo.policy().confidenceFloor());

    String wrong = wrongAutoApprovals(r);
    assertThat(r.inUseReport().autoApprovedWrong()).as(wrong).isZero();
    assertThat(wrong).isEmpty();
    assertThat(r.cases()).hasSize(cases.size());
  }

  @ParameterizedTest
  @MethodSource("dev.greenlight.classify.DemoSets#all")
  void theOptInWordsCompetingReferenceAutoApprovesNothingWrongly(String resource) {
    // classifier.local.other-lexical-weight 0.75 with the knobs fitted on the built-in set with it
    // (docs/classification.md, "This round").
    List<EvalCase> cases = EvalCase.resource(resource);
    EvalRunner.Result r =
        EvalRunner.run(
            demo,
            cases,
            embeddings,
            Calibration.platt(-0.706, 4.809, 0),
            0.18,
            new LocalClassifier.Tuning(0.5, -0.25, 0.75),
            null,
            demo.policy().confidenceFloor());

    assertThat(r.inUseReport().autoApprovedWrong()).isZero();
    assertThat(r.cases()).hasSize(cases.size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/eval/oncall.jsonl"})
  void accuracyHoldsOnTheSetTheDefaultsWereNotChosenOn(String resource) {
    EvalRunner.Result r =
        EvalRunner.run(
            demo,
            EvalCase.resource(resource),
            embeddings,
            Calibration.DEFAULT,
            null,
            demo.policy().confidenceFloor());

    // Measured 0.910 / 0.912, unknown P 0.851 / R 0.870 (docs/classification.md); the first
    // classifier gave 0.608 / 0.584, the previous one 0.904 / 0.905 with unknown recall 0.804.
    assertThat(r.inUseReport().accuracy()).isGreaterThanOrEqualTo(0.90);
    assertThat(r.inUseReport().macroF1()).isGreaterThanOrEqualTo(0.90);
    assertThat(r.inUseReport().unknownPrecision()).isGreaterThanOrEqualTo(0.85);
    assertThat(r.inUseReport().unknownRecall()).isGreaterThanOrEqualTo(0.85);
  }

  /** Each wrongly auto-approved case as "text -> predicted label", one a line. */
  static String wrongAutoApprovals(EvalRunner.Result r) {
    return r.cases().stream()
        .filter(c -> c.route().equals("auto") && !c.expected().equals(c.predicted()))
        .map(c -> c.text() + " -> " + c.predicted())
        .collect(Collectors.joining("\n"));
  }
}
