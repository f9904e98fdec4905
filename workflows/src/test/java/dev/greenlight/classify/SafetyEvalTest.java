package dev.greenlight.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.config.ConfigLoader;
import dev.greenlight.config.GreenlightConfig;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shipped classifier (demo catalog, its floor, the shipped calibration and tuning) on all three
 * labelled sets: not one case is auto-approved wrongly, and accuracy holds on the set the defaults
 * were not chosen on.
 */
class SafetyEvalTest {
  private static GreenlightConfig demo;
  private static EmbeddingClassifier embeddings;

  @BeforeAll
  static void load() {
    demo = ConfigLoader.loadDemo();
    embeddings = new EmbeddingClassifier(demo.runbooks());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/eval/incidents.jsonl", "/eval/oncall.jsonl", "/eval/adversarial.jsonl"})
  void noWrongAutoApprovalOnAnySet(String resource) {
    List<EvalCase> cases = EvalCase.resource(resource);
    EvalRunner.Result r =
        EvalRunner.run(
            demo, cases, embeddings, Calibration.DEFAULT, null, demo.policy().confidenceFloor());

    String wrong =
        r.cases().stream()
            .filter(c -> c.route().equals("auto") && !c.expected().equals(c.predicted()))
            .map(c -> c.text() + " -> " + c.predicted())
            .collect(Collectors.joining("\n"));
    assertThat(r.inUseReport().autoApprovedWrong()).as(wrong).isZero();
    assertThat(wrong).isEmpty();
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

    // Measured 0.904 / 0.905 (docs/classification.md); the old classifier gave 0.608 / 0.584.
    assertThat(r.inUseReport().accuracy()).isGreaterThanOrEqualTo(0.89);
    assertThat(r.inUseReport().macroF1()).isGreaterThanOrEqualTo(0.89);
  }
}
