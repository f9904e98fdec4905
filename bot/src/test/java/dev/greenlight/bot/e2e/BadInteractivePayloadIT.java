package dev.greenlight.bot.e2e;

import static dev.greenlight.bot.e2e.TestConfig.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.bot.slack.Ids;
import dev.greenlight.sandbox.Message;
import dev.greenlight.sandbox.SentEnvelope;
import dev.greenlight.sandbox.View;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A corpus of malformed clicks, sent by an approver on a live card: garbled button values, a value
 * for another incident, a stale nonce, unknown action IDs. None decides anything; the real click
 * afterwards is the one that counts.
 */
class BadInteractivePayloadIT extends LoopFixture {

  @Test
  void malformedClicksDecideNothing() throws Exception {
    String channel = newChannel();
    String id =
        incidentId(
            ackText(
                slack.sendSlashCommand(
                    "U0DAVE", channel, "/remediate", "checkout-api " + OOM_TEXT)));
    Message card = awaitButtons(channel);
    awaitReply(channel, "Waiting for approval");
    String wf = "incident-" + id;

    Map<String, Consumer<ObjectNode>> corpus = new LinkedHashMap<>();
    corpus.put("value not JSON", value("approve me"));
    corpus.put("value empty", value(""));
    corpus.put("value 3,000 characters", value("{".repeat(3_000)));
    corpus.put(
        "value with control characters", value("{\"wf\":\"\u0000\u001b\",\"nonce\":\"\u0007\"}"));
    corpus.put(
        "value with mentions", value("{\"wf\":\"incident-<!channel>\",\"nonce\":\"<@U0BOB>\"}"));
    corpus.put(
        "value of an unknown incident", value("{\"wf\":\"incident-GL-NOTREAL0\",\"nonce\":\"n\"}"));
    corpus.put(
        "value with a stale nonce", value("{\"wf\":\"" + wf + "\",\"nonce\":\"forged-nonce\"}"));
    corpus.put("value an array", value("[\"" + wf + "\"]"));

    int answered = 0;
    for (Map.Entry<String, Consumer<ObjectNode>> c : corpus.entrySet()) {
      ObjectNode payload = slack.clickPayload(ALICE, card, Ids.APPROVE_ACTION);
      c.getValue().accept(payload);
      SentEnvelope sent = slack.sendInteractive(payload);
      assertThat(sent.ack().get(10, TimeUnit.SECONDS)).as(c.getKey()).isNotNull();
      answered++;
    }
    assertThat(answered).isEqualTo(corpus.size());
    // Some answers come after the ack (an incident Temporal does not know is looked up first).
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> assertThat(slack.ephemerals(ALICE)).hasSizeGreaterThanOrEqualTo(corpus.size()));
    assertThat(slack.ephemerals(ALICE))
        .extracting(Message::text)
        .noneMatch(t -> t.contains("<!channel>") || t.contains("<@U0BOB>"));

    // An action_id Greenlight never made is acked at once (no generic Slack error), the clicker is
    // told nothing was done, and it decides nothing.
    ObjectNode unknown = slack.clickPayload(ALICE, card, Ids.APPROVE_ACTION);
    ((ObjectNode) unknown.withArray("actions").get(0)).put("action_id", "greenlight_approve_all");
    SentEnvelope unknownSent = slack.sendInteractive(unknown);
    assertThat(unacked(unknownSent)).as("an unknown action_id is acked").isFalse();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                slack.ephemerals(ALICE).stream()
                    .anyMatch(m -> m.text().contains("not one Greenlight knows")));

    // The same for a form whose callback_id Greenlight never made.
    int before = slack.views().size();
    ack(slack.clickButton(BOB, card, Ids.REJECT_ACTION));
    View modal =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(slack::views, v -> v.size() > before)
            .get(before);
    View foreign = new View(modal.id(), modal.triggerId(), modal.view().deepCopy());
    foreign.view().put("callback_id", "greenlight_reject_everything");
    SentEnvelope foreignSent =
        slack.submitView(BOB, foreign, Map.of(Ids.REASON_BLOCK + "." + Ids.REASON_INPUT, "x"));
    assertThat(unacked(foreignSent)).as("an unknown callback_id is acked").isFalse();

    assertThat(replies(channel))
        .noneMatch(r -> r.startsWith("Approved by") || r.startsWith("Rejected"));
    assertThat(actionsOf(id)).isEmpty();
    ack(slack.clickButton(ALICE, card, Ids.APPROVE_ACTION));
    List<String> replies = awaitReply(channel, "Recovered", Duration.ofSeconds(60));
    assertThat(replies)
        .filteredOn(r -> r.startsWith("Approved by"))
        .containsExactly("Approved by <@U0ALICE>.");
    assertThat(actionsOf(id)).hasSize(1);
  }

  private static Consumer<ObjectNode> value(String value) {
    return p -> ((ObjectNode) p.withArray("actions").get(0)).put("value", value);
  }

  private static boolean unacked(SentEnvelope sent) throws Exception {
    try {
      sent.ack().get(5, TimeUnit.SECONDS);
      return false;
    } catch (TimeoutException e) {
      return true;
    }
  }
}
