package dev.greenlight.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.bot.Greenlight;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code GREENLIGHT_SLACK_CONCURRENCY}: its default, its range, and a bad value stops the start.
 */
class SlackConcurrencyTest {
  @Test
  void unsetOrBlankIsTheDefaultAndAWholeNumberInRangeIsTaken() {
    assertThat(SlackConcurrency.fromEnv(Map.of())).isEqualTo(32);
    assertThat(SlackConcurrency.fromEnv(Map.of(SlackConcurrency.VARIABLE, " "))).isEqualTo(32);
    assertThat(SlackConcurrency.fromEnv(Map.of(SlackConcurrency.VARIABLE, " 128 "))).isEqualTo(128);
    assertThat(SlackConcurrency.fromEnv(Map.of(SlackConcurrency.VARIABLE, "1"))).isEqualTo(1);
    assertThat(SlackConcurrency.fromEnv(Map.of(SlackConcurrency.VARIABLE, "1024"))).isEqualTo(1024);
  }

  @Test
  void aBadValueNamesTheVariableTheRangeAndWhatWasGiven() {
    for (String bad : new String[] {"0", "-4", "1025", "lots", "32.5"}) {
      assertThatThrownBy(() -> SlackConcurrency.fromEnv(Map.of(SlackConcurrency.VARIABLE, bad)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "GREENLIGHT_SLACK_CONCURRENCY must be a whole number from 1 to 1024 (got '"
                  + bad
                  + "')");
    }
  }

  @Test
  void theBotWillNotStartWithABadValue() {
    Map<String, String> env =
        Map.of(
            "SLACK_BOT_TOKEN",
            "xoxb-test",
            "SLACK_APP_TOKEN",
            "xapp-test",
            "TEMPORAL_ADDRESS",
            "127.0.0.1:1",
            SlackConcurrency.VARIABLE,
            "zero");

    assertThatThrownBy(() -> Greenlight.start(Greenlight.Mode.BOT, env, (Path) null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("GREENLIGHT_SLACK_CONCURRENCY must be a whole number");
  }
}
