package dev.greenlight.bot.e2e;

import static dev.greenlight.bot.e2e.TestConfig.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.bot.slack.Ids;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Slack refuses every card refresh for good right after the approval: the approved action still
 * runs, exactly once, and the incident's timeline says that Slack was not told.
 */
class CardRefusedAfterApprovalIT extends LoopFixture {

  private static final List<String> PERMANENT_ERRORS =
      List.of("channel_not_found", "not_in_channel", "token_revoked");

  @Test
  void theApprovedActionRunsOnceAndTheAuditShowsSlackWasNotTold() throws Exception {
    for (String error : PERMANENT_ERRORS) {
      try {
        approveWhileCardUpdatesFail(error);
      } finally {
        slack.faults().clear();
      }
    }
  }

  private void approveWhileCardUpdatesFail(String error) throws Exception {
    String channel = newChannel();
    String id =
        incidentId(
            ackText(
                slack.sendSlashCommand(
                    "U0DAVE", channel, "/remediate", "checkout-api " + OOM_TEXT)));
    var card = awaitButtons(channel);
    awaitReply(channel, "Waiting for approval");

    slack.faults().failMethod("chat.update", error);
    ack(slack.clickButton(ALICE, card, Ids.APPROVE_ACTION));

    awaitReply(channel, "Recovered", Duration.ofSeconds(60));
    assertThat(actionsOf(id)).as(error).hasSize(1);
    assertThat(slack.faults().injected("chat.update")).isNotEmpty();
    String timeline =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> audit(id), a -> a.contains("notification failed"));
    assertThat(timeline).as(error).contains("Slack was not told a card update", error);
    // The card could not be redrawn, so it still shows buttons; a second click decides nothing.
    ack(slack.clickButton(BOB, card, Ids.APPROVE_ACTION));
    assertThat(awaitEphemeral(BOB, "closed")).isNotEmpty();
    assertThat(actionsOf(id)).as(error).hasSize(1);
  }
}
