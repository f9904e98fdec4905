package dev.greenlight.bot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.bot.slack.SlackSettings;
import org.junit.jupiter.api.Test;

/**
 * {@code run} against real Slack without {@code TEMPORAL_ADDRESS} warns at start that waiting
 * incidents do not survive a restart (the help says so too: {@code CommandLineTest}); the sandbox
 * and a durable Temporal are not warned.
 */
class InMemoryTemporalWarningTest {
  private static SlackSettings slack(String url) {
    return new SlackSettings("xoxb-1", "xapp-1", url);
  }

  @Test
  void realSlackWithTheEmbeddedServerIsWarnedOfHowToRunDurably() {
    assertThat(Greenlight.inMemoryWarning(true, slack(SlackSettings.DEFAULT_API_URL)))
        .hasValueSatisfying(
            w ->
                assertThat(w)
                    .contains("do not survive a restart", "TEMPORAL_ADDRESS", "--db-filename"));
  }

  @Test
  void theSandboxOrADurableTemporalIsNotWarned() {
    assertThat(Greenlight.inMemoryWarning(true, slack("http://127.0.0.1:3000/api/"))).isEmpty();
    assertThat(Greenlight.inMemoryWarning(false, slack(SlackSettings.DEFAULT_API_URL))).isEmpty();
  }
}
