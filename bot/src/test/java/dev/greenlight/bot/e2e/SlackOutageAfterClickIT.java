package dev.greenlight.bot.e2e;

import static dev.greenlight.bot.e2e.TestConfig.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.bot.slack.Ids;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Slack is down (HTTP 503 on every posting method) for a minute after the click: the approved
 * action reaches its target while Slack is still down, and the thread catches up afterwards.
 */
class SlackOutageAfterClickIT extends LoopFixture {
  private static final Duration OUTAGE = Duration.ofSeconds(60);
  private static final List<String> METHODS =
      List.of("chat.postMessage", "chat.update", "chat.postEphemeral");

  @Test
  void theActionRunsDuringTheOutageAndTheThreadCatchesUpAfterIt() throws Exception {
    String channel = newChannel();
    String id =
        incidentId(
            ackText(
                slack.sendSlashCommand(
                    "U0DAVE", channel, "/remediate", "checkout-api " + OOM_TEXT)));
    var card = awaitButtons(channel);
    awaitReply(channel, "Waiting for approval");

    Instant outageEnds = Instant.now().plus(OUTAGE);
    METHODS.forEach(m -> slack.faults().failMethodFor(m, 503, OUTAGE));
    ack(slack.clickButton(ALICE, card, Ids.APPROVE_ACTION));

    await().atMost(Duration.ofSeconds(40)).until(() -> actionsOf(id).size() == 1);
    assertThat(Instant.now()).as("the action ran while Slack was down").isBefore(outageEnds);
    // The workflow's card update is tried during the outage (after the bot's own "Processing…"
    // edit) and refused; the thread replies wait behind it, in order.
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> slack.faults().injected("chat.update").size() >= 2);
    assertThat(replies(channel)).noneMatch(r -> r.startsWith("Approved by"));

    // Slack comes back early: the queued notifications go out in order, each once.
    slack.faults().clear();
    List<String> replies = awaitReply(channel, "Recovered", Duration.ofSeconds(120));
    assertThat(replies).filteredOn(r -> r.startsWith("Approved by")).hasSize(1);
    assertThat(actionsOf(id)).hasSize(1);
  }
}
