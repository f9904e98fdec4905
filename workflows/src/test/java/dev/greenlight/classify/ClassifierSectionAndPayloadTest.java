package dev.greenlight.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.api.Classification;
import dev.greenlight.api.Risk;
import dev.greenlight.config.ClassifierSettings;
import dev.greenlight.config.ConfigLoader;
import dev.greenlight.config.GreenlightConfig;
import io.temporal.common.converter.DefaultDataConverter;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the classifier stage reads and writes besides the model: its {@code classifier:} section,
 * and a classification as Temporal stores it (old payloads included).
 */
class ClassifierSectionAndPayloadTest {

  @Test
  void classificationSurvivesTemporalSerializationIncludingOldPayloads() {
    Classification c =
        new Classification(
            "oom-killed",
            0.5,
            "restart-oom-pods",
            Risk.MEDIUM,
            "POST x",
            "ex",
            "m",
            "why",
            true,
            "reason",
            List.of(new Classification.Opinion("m", "oom-killed", 0.5, "ex")));
    var converter = DefaultDataConverter.newDefaultInstance();

    var payload = converter.toPayload(c).orElseThrow();
    assertThat(converter.fromPayload(payload, Classification.class, Classification.class))
        .isEqualTo(c);

    // A payload recorded before the new components existed still reads, not degraded.
    Classification old =
        new Classification("oom-killed", 0.9, "restart-oom-pods", Risk.MEDIUM, "POST x", "ex", "m");
    var oldJson =
        "{\"label\":\"oom-killed\",\"confidence\":0.9,\"runbookId\":\"restart-oom-pods\","
            + "\"risk\":\"MEDIUM\",\"action\":\"POST x\",\"nearestExample\":\"ex\",\"model\":\"m\"}";
    var oldPayload =
        io.temporal.api.common.v1.Payload.newBuilder()
            .putMetadata("encoding", com.google.protobuf.ByteString.copyFromUtf8("json/plain"))
            .setData(com.google.protobuf.ByteString.copyFromUtf8(oldJson))
            .build();
    assertThat(converter.fromPayload(oldPayload, Classification.class, Classification.class))
        .isEqualTo(old);
  }

  @Test
  void settingsFromTheClassifierSection() {
    GreenlightConfig c =
        ConfigLoader.parse(
            demoYaml()
                + "classifier:\n  mode: both\n  base-url: http://localhost:11434/v1\n"
                + "  model: llama3.1:8b\n  timeout: 5s\n  max-attempts: 2\n",
            "test");
    ClassifierSettings s = c.classifier();
    assertThat(s.mode()).isEqualTo("both");
    assertThat(s.usesLlm()).isTrue();
    assertThat(s.llmModel()).isEqualTo("llama3.1:8b");
    assertThat(s.maxAttempts()).isEqualTo(2);
    assertThat(s.apiKeyEnv()).isEqualTo("GREENLIGHT_LLM_API_KEY");
    assertThat(s.withEnvironment(java.util.Map.of("GREENLIGHT_LLM_MODEL", "qwen2.5:7b")).llmModel())
        .isEqualTo("qwen2.5:7b");
    assertThat(ConfigLoader.loadDemo().classifier().mode()).isEqualTo("local");
  }

  private static String demoYaml() {
    try (var in = ConfigLoader.class.getResourceAsStream(ConfigLoader.DEMO_RESOURCE)) {
      // The demo's own classifier section goes: the tests write their own.
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
          .replaceAll("(?ms)^classifier:\n.*?(?=^\\S)", "");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
