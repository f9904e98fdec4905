package dev.greenlight.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.greenlight.config.ConfigLoader;
import dev.greenlight.config.GreenlightConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Nearest-example classification with the real all-MiniLM-L6-v2 model against the demo catalog. */
class EmbeddingClassifierTest {
  private static GreenlightConfig demo;
  private static EmbeddingClassifier classifier;

  @BeforeAll
  static void loadModel() {
    // Loading the model and embedding the catalog takes a moment, so it is done once per class.
    demo = ConfigLoader.loadDemo();
    classifier = new EmbeddingClassifier(demo.runbooks());
  }

  private static EmbeddingClassifier.Match nearest(String text) {
    EmbeddingClassifier.Match m = classifier.nearest(text);
    System.out.printf(
        "similarity %.4f -> %s (nearest example '%s') for '%s'%n",
        m.similarity(), m.runbook().id(), m.example(), text);
    return m;
  }

  @Test
  void exactExampleMatchesItsRunbookWithSimilarityOne() {
    EmbeddingClassifier.Match m = nearest("users see old prices, cache not invalidated");

    assertThat(m.runbook().id()).isEqualTo("flush-cache");
    assertThat(m.example()).isEqualTo("users see old prices, cache not invalidated");
    assertThat(m.similarity()).isCloseTo(1.0, within(1e-3));
  }

  @ParameterizedTest(name = "''{0}'' -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      the JVM ran out of heap and kubelet restarted it | restart-oom-pods
      customers are seeing outdated prices             | flush-cache
      since the rollout error rates are way up         | rollback-deploy
      """)
  void paraphraseMatchesTheRightRunbookAboveTheDemoThreshold(String text, String runbookId) {
    EmbeddingClassifier.Match m = nearest(text);

    assertThat(m.runbook().id()).isEqualTo(runbookId);
    assertThat(m.similarity())
        .isGreaterThanOrEqualTo(demo.policy().minSimilarity())
        .isLessThan(1.0);
  }

  @Test
  void unrelatedTextFallsBelowTheDemoThreshold() {
    EmbeddingClassifier.Match m = nearest("the parking garage gate is stuck");

    assertThat(m.similarity()).isLessThan(demo.policy().minSimilarity());
  }
}
