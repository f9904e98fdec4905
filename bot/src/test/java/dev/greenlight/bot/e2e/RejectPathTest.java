package dev.greenlight.bot.e2e;

import static dev.greenlight.bot.e2e.TestConfig.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.bot.slack.Ids;
import dev.greenlight.sandbox.Message;
import org.junit.jupiter.api.Test;

class RejectPathTest extends LoopFixture {

  @Test
  void rejectClosesTheCardAndRunsNothing() throws Exception {
    String channel = newChannel();
    ack(slack.sendSlashCommand("U0DAVE", channel, "/remediate", "search-api " + OOM_TEXT));
    Message card = awaitButtons(channel);
    slack.clickButton(BOB, card, Ids.REJECT_ACTION);

    awaitReply(channel, "Rejected by <@U0BOB>. Nothing was run.");
    Message updated = slack.messages(channel).get(0);
    assertThat(updated.blocks().toString()).doesNotContain(Ids.APPROVE_ACTION).contains("Rejected by <@U0BOB>");
    assertThat(targets.actionsFor("search-api")).isEmpty();
  }
}
