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
 * Slack refuses the incident's channel for good from the first post on (deleted, or the bot not in
 * it): the card is posted, with its buttons, in the configured fallback channel; it is approved
 * there and the action runs once; the timeline says the channel was not told.
 */
class CardChannelGoneIT extends LoopFixture {

  @AfterEach
  void clearFaults() {
    slack.faults().clear();
  }

  @Test
  void theCardGoesToTheFallbackChannelAndIsDecidedThere() throws Exception {
    for (String error : List.of("channel_not_found", "not_in_channel")) {
      String channel = newChannel();
      for (String method : List.of("chat.postMessage", "chat.update", "chat.postEphemeral")) {
        slack.faults().failMethodIn(method, channel, error);
      }
      String id =
          incidentId(
              ackText(
                  slack.sendSlashCommand(
                      "U0DAVE", channel, "/remediate", "checkout-api " + OOM_TEXT)));

      Message card =
          await()
              .atMost(Duration.ofSeconds(30))
              .until(
                  () -> cardOf(id),
                  c -> c != null && c.blocks().toString().contains(Ids.APPROVE_ACTION));
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () -> slack.replies(FALLBACK_CHANNEL, card.ts()),
              r ->
                  r.stream()
                      .anyMatch(
                          m ->
                              m.text().contains("<#" + channel + ">") && m.text().contains(error)));
      ack(slack.clickButton(ALICE, card, Ids.APPROVE_ACTION));

      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> slack.replies(FALLBACK_CHANNEL, card.ts()),
              r -> r.stream().anyMatch(m -> m.text().contains("Recovered")));
      assertThat(actionsOf(id)).as(error).hasSize(1);
      assertThat(slack.messages(channel)).isEmpty();
      assertThat(audit(id)).contains("Slack was not told the card in " + channel);
      // The fallback card shows the outcome and no buttons.
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> slack.message(FALLBACK_CHANNEL, card.ts()).orElseThrow().blocks().toString(),
              b -> !b.contains(Ids.APPROVE_ACTION) && b.contains("Recovered"));
    }
  }

  private static Message cardOf(String incidentId) {
    return slack.messages(FALLBACK_CHANNEL).stream()
        .filter(m -> m.text().contains(incidentId))
        .findFirst()
        .orElse(null);
  }
}
