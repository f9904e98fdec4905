package dev.greenlight.bot.e2e;

import static dev.greenlight.bot.e2e.TestConfig.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.bot.slack.Ids;
import dev.greenlight.sandbox.Message;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Slack posts the card but its reply is lost. Today the notification is retried and posts a second
 * card (a known gap: no lookup of the earlier post by its metadata). What is safe today: at most
 * two cards, both for the same gate; a click on the orphan is refused (it is not the incident's
 * card) with a private note; the known card decides, and the action runs once.
 */
class LostCardReplyIT extends LoopFixture {

  @Test
  void aSecondCardMayAppearButTheActionRunsOnce() throws Exception {
    String channel = newChannel();
    slack.faults().loseReplyAfterPosting("chat.postMessage", 1);
    String id =
        incidentId(
            ackText(
                slack.sendSlashCommand(
                    "U0DAVE", channel, "/remediate", "checkout-api " + OOM_TEXT)));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> threadOfLast(channel).stream().anyMatch(r -> r.contains("Waiting")));

    List<Message> cards = slack.messages(channel);
    assertThat(cards).hasSizeBetween(1, 2);
    assertThat(slack.faults().injected("chat.postMessage")).hasSize(1);
    Message first = cards.get(0);
    Message last = cards.get(cards.size() - 1);
    assertThat(gateButtons(first)).isEqualTo(gateButtons(last));

    // With two cards, Alice clicks the orphan first: the workflow refuses it and tells her.
    String approver = ALICE;
    if (cards.size() == 2) {
      ack(slack.clickButton(ALICE, first, Ids.APPROVE_ACTION));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  slack.ephemerals(ALICE).stream()
                      .anyMatch(m -> m.text().contains("not the incident's")));
      approver = BOB;
    }
    ack(slack.clickButton(approver, last, Ids.APPROVE_ACTION));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> threadOfLast(channel).stream().anyMatch(r -> r.contains("Recovered")));
    assertThat(actionsOf(id)).hasSize(1);
    assertThat(threadOfLast(channel)).filteredOn(r -> r.startsWith("Approved by")).hasSize(1);
    assertThat(slack.messages(channel)).hasSize(cards.size());
    // The card the workflow knows shows the outcome; an orphan keeps what it first showed.
    String who = approver;
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> slack.messages(channel).get(cards.size() - 1).blocks().toString(),
            b -> !b.contains(Ids.APPROVE_ACTION) && b.contains("Approved by <@" + who + ">"));
  }

  /** The thread of the newest card: the one the workflow knows and writes to. */
  private static List<String> threadOfLast(String channel) {
    List<Message> top = slack.messages(channel);
    if (top.isEmpty()) {
      return List.of();
    }
    return slack.replies(channel, top.get(top.size() - 1).ts()).stream()
        .map(Message::text)
        .toList();
  }

  /** The card's gate buttons (workflow ID and nonce in their values), as JSON text. */
  private static String gateButtons(Message card) {
    for (var block : card.blocks()) {
      if (Ids.GATE_BLOCK.equals(block.path("block_id").asText())) {
        return block.path("elements").toString();
      }
    }
    throw new AssertionError("no gate buttons on " + card.blocks());
  }
}
