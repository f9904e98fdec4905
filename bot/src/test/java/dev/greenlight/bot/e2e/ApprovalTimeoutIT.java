package dev.greenlight.bot.e2e;

import static dev.greenlight.bot.e2e.TestConfig.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.bot.slack.Ids;
import dev.greenlight.sandbox.Message;
import org.junit.jupiter.api.Test;

class ApprovalTimeoutIT extends LoopFixture {
  @Override
  String approvalTimeout() {
    return "3s";
  }

  @Test
  void noDecisionInTimeExpiresTheIncidentAndRunsNothing() throws Exception {
    String channel = newChannel();
    ack(slack.sendSlashCommand("U0DAVE", channel, "/remediate", "checkout-api " + OOM_TEXT));
    awaitButtons(channel);

    awaitReply(channel, "expired. Nothing was run.");
    Message card = slack.messages(channel).get(0);
    assertThat(card.blocks().toString()).doesNotContain(Ids.APPROVE_ACTION).contains("Expired at");
    assertThat(targets.actions).isEmpty();
  }
}
