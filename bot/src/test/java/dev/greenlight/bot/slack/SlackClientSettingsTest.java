package dev.greenlight.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import org.junit.jupiter.api.Test;

/**
 * The Slack SDK as Greenlight sets it up: calls go to the configured API URL, replies are not
 * pretty-printed into the log, and the SDK keeps none of its own call statistics (a table of the
 * last minute's calls rescanned on every call; Greenlight counts its calls with Micrometer).
 */
class SlackClientSettingsTest {
  private static final String API = "http://127.0.0.1:9/api/";

  @Test
  void theBotsAndTheNotificationsClientsKeepNoCallStatistics() {
    for (Slack slack :
        new Slack[] {GreenlightApp.slack(API), GreenlightApp.notificationSlack(API)}) {
      var config = slack.getConfig();
      assertThat(config.getMethodsEndpointUrlPrefix()).isEqualTo(API);
      assertThat(config.isPrettyResponseLoggingEnabled()).isFalse();
      assertThat(config.isStatsEnabled()).isFalse();
      assertThat(config.getMethodsConfig().isStatsEnabled()).isFalse();
    }
  }
}
