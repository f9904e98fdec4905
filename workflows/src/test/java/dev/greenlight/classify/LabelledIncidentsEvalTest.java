package dev.greenlight.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.config.ConfigLoader;
import dev.greenlight.config.GreenlightConfig;
import dev.greenlight.config.LocalSettings;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The demo catalog with its labelled incidents (the built-in and on-call sets) against the same
 * catalog with its examples alone, each set scored with its own cases left out of the labelled
 * ones, as {@code eval} does: the labelled incidents may change labels but never add an
 * auto-approval.
 */
class LabelledIncidentsEvalTest {
  private static GreenlightConfig demo;
  private static EmbeddingClassifier examplesAlone;
  private static EmbeddingClassifier labelled;

  @BeforeAll
  static void load() {
    demo = ConfigLoader.loadDemo();
    examplesAlone = SharedModel.classifier(demo.runbooks());
    labelled =
        SharedModel.classifier(
            demo.runbooks(), LocalSettings.DEFAULT.withLabelledIncidents(LocalSettings.BUILT_IN));
  }

  @ParameterizedTest
  @MethodSource("dev.greenlight.classify.DemoSets#all")
  void everyAutoApprovalIsOneTheExamplesAloneMakeToo(String resource) {
    List<EvalCase> cases = EvalCase.resource(resource);
    EvalRunner.Result withLabels = run(leftOut(cases), cases);
    Map<String, EvalRunner.CaseResult> alone =
        run(examplesAlone, cases).cases().stream()
            .collect(
                Collectors.toMap(EvalRunner.CaseResult::text, Function.identity(), (a, b) -> a));

    assertThat(withLabels.inUseReport().autoApprovedWrong()).isZero();
    for (EvalRunner.CaseResult c : withLabels.cases()) {
      if (c.route().equals("auto")) {
        EvalRunner.CaseResult before = alone.get(c.text());
        assertThat(before.route()).as(c.text()).isEqualTo("auto");
        assertThat(before.predicted()).as(c.text()).isEqualTo(c.predicted());
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/eval/holdout.jsonl", "/eval/adversarial.jsonl"})
  void setsTheLabelledIncidentsDoNotHoldAreLabelledBetter(String resource) {
    // Neither set is among the labelled incidents, so nothing is left out.
    List<EvalCase> cases = EvalCase.resource(resource);

    double before = run(examplesAlone, cases).inUseReport().accuracy();
    double after = run(labelled, cases).inUseReport().accuracy();

    assertThat(after).isGreaterThan(before + 0.1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/eval/incidents.jsonl",
        "/eval/oncall.jsonl",
        "/eval/blind.jsonl",
        "/eval/blind-2.jsonl"
      })
  void aSetAmongTheLabelledIncidentsSitsOutOfThemWhenScored(String resource) {
    List<EvalCase> cases = EvalCase.resource(resource);

    assertThat(labelled.leavingOut(texts(cases)).labelledIncidents())
        .isEqualTo(labelled.labelledIncidents() - cases.size());
  }

  private static EmbeddingClassifier leftOut(List<EvalCase> cases) {
    return labelled.leavingOut(texts(cases));
  }

  private static Set<String> texts(List<EvalCase> cases) {
    return cases.stream().map(EvalCase::text).collect(Collectors.toSet());
  }

  private static EvalRunner.Result run(EmbeddingClassifier e, List<EvalCase> cases) {
    return EvalRunner.run(
        demo, cases, e, Calibration.DEFAULT, null, demo.policy().confidenceFloor());
  }
}
