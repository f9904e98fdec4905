package dev.greenlight.bot.e2e;

import static dev.greenlight.bot.e2e.TestConfig.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.bot.slack.Ids;
import dev.greenlight.sandbox.Message;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Slack posts the card (or a thread reply) but its reply is lost. The retry finds the earlier post
 * by its message metadata and adopts it: one card, one reply each, and the action runs once. When
 * the lookup misses (the history refused), the retry posts a copy; the copy loses its buttons as
 * soon as the history can be read, and a click on a copy is refused anyway.
 */
class LostCardReplyIT extends LoopFixture {

  @AfterEach
  void clearFaults() {
    slack.faults().clear();
  }

  @Test
  void aLostCardReplyLeavesOneCardAndTheActionRunsOnce() throws Exception {
    String channel = newChannel();
    int lostBefore = slack.faults().injected("chat.postMessage").size();
    slack.faults().loseReplyAfterPosting("chat.postMessage", 1);
    String id = start(channel);
    awaitReply(channel, "Waiting", Duration.ofSeconds(60));

    assertThat(slack.faults().injected("chat.postMessage")).hasSize(lostBefore + 1);
    assertThat(slack.messages(channel)).hasSize(1);
    assertThat(slack.calls("conversations.history")).isNotEmpty();
    ack(slack.clickButton(ALICE, slack.messages(channel).get(0), Ids.APPROVE_ACTION));
    awaitReply(channel, "Recovered", Duration.ofSeconds(60));
    assertThat(actionsOf(id)).hasSize(1);
    assertThat(slack.messages(channel)).hasSize(1);
  }

  @Test
  void aLostThreadReplyIsNotPostedTwice() throws Exception {
    String channel = newChannel();
    String id = start(channel);
    Message card = awaitButtons(channel);
    awaitReply(channel, "Waiting");

    int lostBefore = slack.faults().injected("chat.postMessage").size();
    slack.faults().loseReplyAfterPosting("chat.postMessage", 1);
    ack(slack.clickButton(ALICE, card, Ids.APPROVE_ACTION));
    awaitReply(channel, "Recovered", Duration.ofSeconds(60));

    assertThat(slack.faults().injected("chat.postMessage")).hasSize(lostBefore + 1);
    List<String> thread = replies(channel);
    assertThat(thread).filteredOn(r -> r.startsWith("Approved by")).hasSize(1);
    assertThat(thread).doesNotHaveDuplicates();
    assertThat(actionsOf(id)).hasSize(1);
  }

  @Test
  void aCopyPostedWhenTheLookupMissedLosesItsButtonsAndDecidesNothing() throws Exception {
    String channel = newChannel();
    slack.faults().failMethodTimes("conversations.history", "missing_scope", 1);
    slack.faults().loseReplyAfterPosting("chat.postMessage", 1);
    String id = start(channel);

    // The retry could not look, so it posted again; then it read the history and took the first
    // card's buttons away. Only the card the workflow knows (the newest) keeps them.
    List<Message> cards =
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () -> slack.messages(channel),
                m ->
                    m.size() == 2
                        && !m.get(0).blocks().toString().contains(Ids.APPROVE_ACTION)
                        && m.get(1).blocks().toString().contains(Ids.APPROVE_ACTION));
    Message copy = cards.get(0);
    assertThat(copy.text()).contains("copy of this incident's card");

    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                slack.replies(channel, cards.get(1).ts()).stream()
                    .anyMatch(r -> r.text().contains("Waiting")));
    ack(slack.clickButton(ALICE, cards.get(1), Ids.APPROVE_ACTION));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                slack.replies(channel, cards.get(1).ts()).stream()
                    .anyMatch(r -> r.text().contains("Recovered")));
    assertThat(actionsOf(id)).hasSize(1);
  }

  private static String start(String channel) throws Exception {
    return incidentId(
        ackText(
            slack.sendSlashCommand("U0DAVE", channel, "/remediate", "checkout-api " + OOM_TEXT)));
  }
}
