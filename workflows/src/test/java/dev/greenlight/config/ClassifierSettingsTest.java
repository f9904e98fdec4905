package dev.greenlight.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClassifierSettingsTest {

  @Test
  void everyKeyOfTheSectionIsRead() {
    ClassifierSettings s =
        ConfigLoader.parse(
                TestYaml.VALID
                    + """
                    classifier:
                      mode: both
                      strategy: centroid
                      base-url: http://localhost:11434/v1
                      model: llama3
                      api-key-env: MY_KEY
                      timeout: 20s
                      max-attempts: 2
                      retry-budget: 5s
                      response-format: json_object
                      auth-header: api-key
                    """,
                "test.yml")
            .classifier();
    assertThat(s)
        .isEqualTo(
            new ClassifierSettings(
                "both",
                "centroid",
                "http://localhost:11434/v1",
                "llama3",
                "MY_KEY",
                Duration.ofSeconds(20),
                2,
                Duration.ofSeconds(5),
                "json_object",
                "api-key"));
  }

  @Test
  void aCalibrationOfTheCatalogsOwnIsRead() {
    ClassifierSettings s =
        ConfigLoader.parse(
                TestYaml.VALID + "classifier: {calibration: {intercept: -1.5, similarity: 6.25}}\n",
                "test.yml")
            .classifier();
    assertThat(s.calibration()).isEqualTo(new PlattSettings(-1.5, 6.25, 0));
    assertThat(ConfigLoader.parse(TestYaml.VALID, "test.yml").classifier().calibration()).isNull();
  }

  @Test
  void aCalibrationThatWouldLowerTheConfidenceOfABetterMatchIsRefused() {
    assertThatThrownBy(
            () ->
                ConfigLoader.parse(
                    TestYaml.VALID
                        + "classifier: {calibration: {intercept: 0, similarity: 5, margin: -2}}\n",
                    "test.yml"))
        .hasMessageContaining("classifier.calibration.margin must be a number from 0 to 100")
        .hasMessageContaining("-2");
    assertThatThrownBy(
            () ->
                ConfigLoader.parse(
                    TestYaml.VALID + "classifier: {calibration: {intercept: 0}}\n", "test.yml"))
        .hasMessageContaining("classifier.calibration.similarity is required");
  }

  @Test
  void keysLeftOutTakeTheDefaults() {
    ClassifierSettings s =
        ConfigLoader.parse(TestYaml.VALID + "classifier: {mode: llm}\n", "test.yml").classifier();
    assertThat(s).isEqualTo(new ClassifierSettings("llm"));
    assertThat(s.llmModel()).isEqualTo(ClassifierSettings.DEFAULT_MODEL);
    assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void aKeyInsteadOfAVariableNameIsRefused() {
    assertThatThrownBy(
            () ->
                ConfigLoader.parse(
                    TestYaml.VALID + "classifier: {api-key-env: sk-live-123}\n", "test.yml"))
        .hasMessage(
            "classifier.api-key-env must name an environment variable, not hold the key itself"
                + " (in test.yml)");
  }

  @Test
  void settingsBuiltInCodeAreCheckedToo() {
    assertThatThrownBy(() -> new ClassifierSettings("gpt"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("mode must be one of local, llm, both (got 'gpt')");
  }

  @Test
  void aBadBaseUrlFromTheEnvironmentNamesTheVariable() {
    assertThatThrownBy(
            () ->
                ClassifierSettings.DEFAULT.withEnvironment(
                    Map.of("GREENLIGHT_LLM_BASE_URL", "localhost:11434")))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "classifier.base-url must be an http:// or https:// URL (got 'localhost:11434')"
                + " (set by GREENLIGHT_LLM_BASE_URL)");
  }
}
