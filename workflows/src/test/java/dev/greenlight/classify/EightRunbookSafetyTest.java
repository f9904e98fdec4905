package dev.greenlight.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.config.ConfigLoader;
import dev.greenlight.config.GreenlightConfig;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shipped classifier on a catalog it was not tuned for (eight runbooks, three of them low risk;
 * {@code eval/eight-catalog.yml}) and on two sets written for it independently of the catalog and
 * of each other: not one case is auto-approved wrongly. The pager set's "lag flat" near miss was
 * auto-approved as consumer-lag at 0.943 before the report-says-the-failure-is-absent phrases. The
 * third set is 80 attacks on the three low-risk runbooks, written by someone who saw the catalog
 * but not the guards. The blind set was written by someone who saw only the runbooks' labels and
 * descriptions: two of its near misses ("KafkaConsumerGroupLag … back to 0 by 03:25", "cache hit
 * ratio dropped after the memcached node was replaced, latency up while it warms") were
 * auto-approved before the over-by-itself phrases.
 */
class EightRunbookSafetyTest {
  private static GreenlightConfig eight;
  private static EmbeddingClassifier embeddings;
  private static GreenlightConfig demo;
  private static EmbeddingClassifier eightClaiming;
  private static EmbeddingClassifier demoClaiming;

  @BeforeAll
  static void load() {
    eight = EightCatalog.load();
    embeddings = SharedModel.classifier(eight.runbooks());
    demo = ConfigLoader.loadDemo();
    eightClaiming = SharedModel.classifier(eight.runbooks(), EightCatalog.CLAIMING);
    demoClaiming = SharedModel.classifier(demo.runbooks(), EightCatalog.CLAIMING);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/eval/eight-pager.jsonl",
        "/eval/eight-chat.jsonl",
        "/eval/eight-blind.jsonl",
        "/eval/eight-blind-test.jsonl",
        "/eval/adversarial-eight.jsonl"
      })
  void noWrongAutoApprovalOnAnySet(String resource) {
    List<EvalCase> cases = EvalCase.resource(resource);
    EvalRunner.Result r =
        EvalRunner.run(
            eight, cases, embeddings, Calibration.DEFAULT, null, eight.policy().confidenceFloor());

    String wrong = SafetyEvalTest.wrongAutoApprovals(r);
    assertThat(wrong).isEmpty();
    assertThat(r.inUseReport().autoApprovedWrong()).isZero();
    assertThat(r.cases()).hasSize(cases.size());
    assertThat(eight.runbooks()).hasSize(8);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/eval/eight-pager.jsonl",
        "/eval/eight-chat.jsonl",
        "/eval/adversarial-eight.jsonl",
        "/eval/eight-blind.jsonl",
        "/eval/eight-blind-test.jsonl",
        "/eval/incidents.jsonl",
        "/eval/oncall.jsonl",
        "/eval/adversarial.jsonl",
        "/eval/holdout.jsonl"
      })
  void theOptInClaimAutoApprovesNothingWronglyOnEitherCatalog(String resource) {
    boolean larger = resource.contains("eight");
    GreenlightConfig config = larger ? eight : demo;
    EmbeddingClassifier claiming = larger ? eightClaiming : demoClaiming;
    List<EvalCase> cases = EvalCase.resource(resource);
    EvalRunner.Result r =
        EvalRunner.run(
            config, cases, claiming, Calibration.DEFAULT, null, config.policy().confidenceFloor());

    assertThat(r.inUseReport().autoApprovedWrong()).isZero();
    assertThat(r.cases()).hasSize(cases.size());
  }
}
