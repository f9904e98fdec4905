package dev.greenlight.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SlackSettingsTest {

  @Test
  void defaultsToSlackAndAddsTheTrailingSlash() {
    assertThat(
            SlackSettings.fromEnv(
                    Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xapp-1"), true)
                .apiUrl())
        .isEqualTo("https://slack.com/api/");
    assertThat(
            SlackSettings.fromEnv(
                    Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_API_URL", "http://127.0.0.1:9/api"),
                    false)
                .apiUrl())
        .isEqualTo("http://127.0.0.1:9/api/");
  }

  @Test
  void missingOrSwappedTokensAreNamedButNeverPrinted() {
    assertThatThrownBy(() -> SlackSettings.fromEnv(Map.of(), true))
        .hasMessageContaining("SLACK_BOT_TOKEN is not set");
    assertThatThrownBy(() -> SlackSettings.fromEnv(Map.of("SLACK_BOT_TOKEN", "xapp-secret"), true))
        .hasMessageContaining("xoxb-")
        .hasMessageNotContaining("secret");
    assertThatThrownBy(() -> SlackSettings.fromEnv(Map.of("SLACK_BOT_TOKEN", "xoxb-1"), true))
        .hasMessageContaining("SLACK_APP_TOKEN is not set");
    assertThat(SlackSettings.fromEnv(Map.of("SLACK_BOT_TOKEN", "xoxb-secret"), false).toString())
        .doesNotContain("secret");
  }

  @Test
  void apiUrlMustBeHttp() {
    assertThatThrownBy(
            () ->
                SlackSettings.fromEnv(
                    Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_API_URL", "ftp://x"), false))
        .hasMessageContaining("SLACK_API_URL")
        .hasMessageContaining("ftp://x");
  }
}
