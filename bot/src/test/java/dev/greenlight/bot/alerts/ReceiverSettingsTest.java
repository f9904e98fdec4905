package dev.greenlight.bot.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The receiver's environment: loopback by default, a token required, never shown. */
class ReceiverSettingsTest {
  private static final String TOKEN = "s3cret-token-abcdefgh";

  @Test
  void defaultsAreLoopbackAndTheTokenIsNeverShown() {
    ReceiverSettings s = ReceiverSettings.fromEnv(Map.of(ReceiverSettings.TOKEN_VARIABLE, TOKEN));
    assertThat(s.bind()).isEqualTo("127.0.0.1");
    assertThat(s.isLoopback()).isTrue();
    assertThat(s.port()).isEqualTo(9466);
    assertThat(s.maxBytes()).isEqualTo(1024 * 1024);
    assertThat(s.toString()).doesNotContain(TOKEN);
  }

  @Test
  void badValuesNameTheirVariable() {
    assertThatThrownBy(() -> ReceiverSettings.fromEnv(Map.of()))
        .hasMessageStartingWith("GREENLIGHT_ALERTS_TOKEN is not set");
    assertThatThrownBy(
            () -> ReceiverSettings.fromEnv(Map.of(ReceiverSettings.TOKEN_VARIABLE, "short")))
        .hasMessageContaining("GREENLIGHT_ALERTS_TOKEN must be at least 16")
        .hasMessageNotContaining("short");
    assertThatThrownBy(
            () ->
                ReceiverSettings.fromEnv(
                    Map.of(
                        ReceiverSettings.TOKEN_VARIABLE,
                        TOKEN,
                        ReceiverSettings.PORT_VARIABLE,
                        "http")))
        .hasMessageContaining("GREENLIGHT_ALERTS_PORT must be a whole number (got 'http')");
    assertThatThrownBy(
            () ->
                ReceiverSettings.fromEnv(
                    Map.of(
                        ReceiverSettings.TOKEN_VARIABLE,
                        TOKEN,
                        ReceiverSettings.MAX_BYTES_VARIABLE,
                        "10")))
        .hasMessageContaining("GREENLIGHT_ALERTS_MAX_BYTES must be from 1024");
  }
}
