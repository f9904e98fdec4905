package dev.greenlight.bot.e2e;

import static dev.greenlight.bot.e2e.TestConfig.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.bot.slack.Ids;
import dev.greenlight.sandbox.Message;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class NonApproverClickIT extends LoopFixture {

  @Test
  void nonApproverIsRefusedPrivatelyAndTheGateStaysOpen() throws Exception {
    String channel = newChannel();
    ack(slack.sendSlashCommand("U0DAVE", channel, "/remediate", "search-api " + OOM_TEXT));
    Message card = awaitButtons(channel);

    ack(slack.clickButton(MALLORY, card, Ids.APPROVE_ACTION));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> slack.ephemerals(MALLORY), e -> !e.isEmpty());
    assertThat(slack.ephemerals(MALLORY).get(0).text()).contains("not an approver");
    assertThat(slack.messages(channel).get(0).blocks().toString()).contains(Ids.APPROVE_ACTION);
    assertThat(replies(channel)).noneMatch(r -> r.startsWith("Approved"));
    assertThat(targets.actionsFor("search-api")).isEmpty();

    // A click on a card whose gate has closed is refused too, with what happened.
    reject(ALICE, card, "false alarm");
    awaitReply(channel, "Rejected by <@U0ALICE>: false alarm");
    ack(slack.clickButton(BOB, card, Ids.APPROVE_ACTION));
    await().atMost(Duration.ofSeconds(10)).until(() -> slack.ephemerals(BOB), e -> !e.isEmpty());
    assertThat(slack.ephemerals(BOB).get(0).text()).contains("already closed", "<@U0ALICE>");
    assertThat(targets.actionsFor("search-api")).isEmpty();
  }
}
