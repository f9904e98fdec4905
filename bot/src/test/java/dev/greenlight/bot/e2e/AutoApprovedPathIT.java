package dev.greenlight.bot.e2e;

import static dev.greenlight.bot.e2e.TestConfig.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.bot.slack.Ids;
import java.util.List;
import org.junit.jupiter.api.Test;

class AutoApprovedPathIT extends LoopFixture {

  @Test
  void lowRiskConfidentMatchRunsWithoutButtonsAndSaysSo() throws Exception {
    String channel = newChannel();
    ack(slack.sendSlashCommand("U0DAVE", channel, "/remediate", "checkout-api " + CACHE_TEXT));

    List<String> replies = awaitReply(channel, "Recovered");
    assertThat(replies.get(0)).contains("stale-cache", "low risk");
    assertThat(replies.get(1)).startsWith("Approved by policy");
    assertThat(slack.messages(channel).get(0).blocks().toString())
        .doesNotContain(Ids.APPROVE_ACTION)
        .contains("Approved by policy");
    assertThat(targets.actionsFor("checkout-api")).hasSize(1);
    assertThat(targets.actionsFor("checkout-api").get(0).getPath())
        .startsWith("/actions/flush-cache");
  }
}
