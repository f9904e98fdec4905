package dev.greenlight.bot.e2e;

import static dev.greenlight.bot.e2e.TestConfig.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A corpus of hostile or garbled {@code /remediate} texts: each gets a clear answer in time, the
 * answer pings nobody and stays within Slack's limits, and no incident starts.
 */
class BadSlashTextIT extends LoopFixture {

  /** Text typed -> a phrase the answer must contain. */
  private static final Map<String, String> CORPUS = corpus();

  private static Map<String, String> corpus() {
    Map<String, String> c = new LinkedHashMap<>();
    c.put("\u0000\u0001\u0007\u001b[2J\u007f", "Unknown service");
    c.put("<!channel> <!here> restart everything", "Unknown service");
    c.put("<@U0ALICE> approve this", "Unknown service");
    c.put("*checkout-api* _pods_ ~down~ `x`", "Unknown service");
    c.put("<https://evil.example|checkout-api> pods OOMKilled", "Unknown service");
    c.put("checkout-api\u202e pods OOMKilled", "Unknown service");
    c.put("\uD83D\uDD25\uD83D\uDD25 checkout-api is on fire", "Unknown service");
    c.put("x".repeat(20_000), "Unknown service");
    c.put("checkout-api \t\r\n ", "Say what is wrong");
    c.put("checkout-api " + "A".repeat(5_000), "keep it under 2000");
    c.put("checkout-api " + "&<>*_~`\n".repeat(625), "keep it under 2000");
    c.put("audit <script>alert(1)</script>", "Usage: `/remediate audit GL-XXXXXXXX`");
    c.put("audit GL-" + "Z".repeat(3_000), "Usage: `/remediate audit GL-XXXXXXXX`");
    return c;
  }

  @Test
  void everyBadTextIsAnsweredAndStartsNothing() throws Exception {
    List<String> channels = new ArrayList<>();
    int handled = 0;
    for (Map.Entry<String, String> e : CORPUS.entrySet()) {
      String channel = newChannel();
      channels.add(channel);
      String answer = ackText(slack.sendSlashCommand("U0DAVE", channel, "/remediate", e.getKey()));
      String input = e.getKey().substring(0, Math.min(40, e.getKey().length()));
      assertThat(answer).as(input).contains(e.getValue());
      assertThat(answer).as(input).doesNotContain("<!channel>", "<!here>", "<@U0ALICE>");
      assertThat(answer.length()).as(input).isLessThanOrEqualTo(3_000);
      handled++;
    }
    assertThat(handled).isEqualTo(CORPUS.size());
    // Give any wrongly started incident time to post its card, then look.
    Thread.sleep(3_000);
    for (String channel : channels) {
      assertThat(slack.messages(channel)).as(channel).isEmpty();
    }
    assertThat(targets.actions).isEmpty();
  }

  /**
   * A description made only of control characters (or invisible format characters) says nothing:
   * the requester is asked what is wrong and nothing starts.
   */
  @Test
  void aDescriptionOfOnlyControlCharactersIsAskedForAgain() throws Exception {
    String channel = newChannel();
    String answer =
        ackText(
            slack.sendSlashCommand(
                "U0DAVE", channel, "/remediate", "search-api \u0000\u0007\u001b\u200b"));

    assertThat(answer).contains("Say what is wrong").doesNotContain("started");
    assertThat(slack.messages(channel)).isEmpty();
    assertThat(targets.actionsFor("search-api")).isEmpty();
  }
}
