package dev.greenlight.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.config.ConfigLoader;
import dev.greenlight.config.GreenlightConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code classifier.local.other-lexical-weight}: the "other incidents" reference competing by words
 * as well as by cosine (off by default; docs/classification.md has its cross-set numbers). The
 * knobs here are the ones fitted on the built-in set with the weight at 0.75.
 */
class OtherLexicalTest {
  private static EmbeddingClassifier embeddings;
  private static LocalClassifier cosineOnly;
  private static LocalClassifier byWords;

  @BeforeAll
  static void load() {
    embeddings = SharedModel.classifier(ConfigLoader.loadDemo().runbooks());
    cosineOnly =
        new LocalClassifier(
            embeddings,
            LocalClassifier.Strategy.NEAREST,
            Calibration.DEFAULT,
            0.18,
            new LocalClassifier.Tuning(0.5, -0.25, 0));
    byWords =
        cosineOnly.with(Calibration.DEFAULT, 0.18, new LocalClassifier.Tuning(0.5, -0.25, 0.75));
  }

  @Test
  void aCacheServerDownIsACacheRunbookByCosineAndUnknownByWords() {
    String report = "cache-02 redis server is down, connection refused";

    assertThat(cosineOnly.classify("checkout-api", report).label()).isEqualTo("stale-cache");
    LocalClassifier.Scored s = byWords.classifyWithScores(report);
    assertThat(s.verdict().label()).isEqualTo(Verdict.UNKNOWN_LABEL);
    assertThat(s.elsewhere()).isTrue();
    assertThat(s.why()).contains("closer to an incident no runbook covers (\"Redis");
  }

  @Test
  void anAlertForAnotherKindOfCapacityIsUnknownByWords() {
    String report = "KubeletTooManyPods node-2 runs at 105% of its pod capacity";

    assertThat(cosineOnly.classify("checkout-api", report).label()).isEqualTo("oom-killed");
    assertThat(byWords.classify("checkout-api", report).label()).isEqualTo(Verdict.UNKNOWN_LABEL);
  }

  @Test
  void theRunbooksOwnIncidentsStillMatch() {
    assertThat(
            byWords
                .classify("payments-api", "payments-api pods OOMKilled again, restart count 12")
                .label())
        .isEqualTo("oom-killed");
    assertThat(
            byWords
                .classify("web", "users see yesterday's prices, the cache was not invalidated")
                .label())
        .isEqualTo("stale-cache");
    assertThat(byWords.classify("web", "error rate spiked after we rolled out version 4.2").label())
        .isEqualTo("bad-deploy");
  }

  @Test
  void theConfiguredWeightIsReadAndKeptByTheFit() throws IOException {
    GreenlightConfig config =
        ConfigLoader.parse(
            demoYaml() + "\nclassifier:\n  local:\n    other-lexical-weight: 0.75\n",
            "lexical.yml");

    LocalClassifier.Tuning configured = LocalClassifier.Tuning.of(config.classifier().local());
    Tuner.Fit fit =
        Tuner.fit(
            config, EvalCase.builtIn(), embeddings, LocalClassifier.Strategy.NEAREST, "built-in");

    assertThat(configured.otherLexicalWeight()).isEqualTo(0.75);
    assertThat(LocalClassifier.Tuning.DEFAULT.otherLexicalWeight()).isZero();
    assertThat(fit.tuning().otherLexicalWeight()).isEqualTo(0.75);
    // Measured: min-similarity 0.18, lexical weight 0.5, margin -0.25 (0: 0.20, 0.5, -0.20).
    assertThat(fit.tuning().otherMargin()).isEqualTo(-0.25);
    assertThat(fit.toString()).contains("other lexical weight 0.75");
  }

  private static String demoYaml() throws IOException {
    try (InputStream in = ConfigLoader.class.getResourceAsStream(ConfigLoader.DEMO_RESOURCE)) {
      // The demo's own classifier section goes: the tests write their own.
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replaceAll("(?ms)^classifier:\n.*?(?=^\\S)", "");
    }
  }
}
