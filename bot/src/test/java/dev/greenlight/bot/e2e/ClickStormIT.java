package dev.greenlight.bot.e2e;

import static dev.greenlight.bot.e2e.TestConfig.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.bot.slack.Ids;
import dev.greenlight.sandbox.Message;
import dev.greenlight.sandbox.SentEnvelope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClickStormIT extends LoopFixture {

  @Test
  void twentyClicksFromFiveUsersThroughSlackDecideExactlyOnce() throws Exception {
    String channel = newChannel();
    ack(slack.sendSlashCommand("U0DAVE", channel, "/remediate", "search-api " + DEPLOY_TEXT));
    Message card = awaitButtons(channel);
    String[] users = {MALLORY, ALICE, "U0DAVE", BOB, GROUPIE};
    List<SentEnvelope> clicks = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      clicks.add(slack.clickButton(users[i % users.length], card, Ids.APPROVE_ACTION));
    }
    for (SentEnvelope click : clicks) {
      ack(click);
    }

    List<String> replies = awaitReply(channel, "Recovered");
    assertThat(replies.stream().filter(r -> r.startsWith("Approved by <@"))).hasSize(2);
    assertThat(replies.stream().filter(r -> r.startsWith("Remediation started"))).hasSize(1);
    assertThat(targets.actionsFor("search-api")).hasSize(1);
    // Every click that did not count was answered privately: Mallory and Dave four times each,
    // and each approver for every click after their own first one.
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> slack.ephemerals(MALLORY).size() >= 4 && slack.ephemerals("U0DAVE").size() >= 4);
    // Mallory is told she is no approver, or, once the gate has closed, that it is closed.
    assertThat(slack.ephemerals(MALLORY))
        .allMatch(m -> m.text().contains("not an approver") || m.text().contains("already closed"));
  }
}
