package dev.greenlight.bot.e2e;

import static dev.greenlight.bot.e2e.TestConfig.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.bot.slack.Ids;
import dev.greenlight.sandbox.ApiCall;
import dev.greenlight.sandbox.InjectedFault;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Slack answers a thread reply with HTTP 429 and {@code Retry-After}: the reply still arrives, and
 * not before Slack said to come back. The action does not wait for it.
 */
class RateLimitedThreadReplyIT extends LoopFixture {
  private static final int RETRY_AFTER_SECONDS = 5;

  @Test
  void theReplyIsSentAgainNoSoonerThanRetryAfterAndTheActionRunsOnce() throws Exception {
    String channel = newChannel();
    String id =
        incidentId(
            ackText(
                slack.sendSlashCommand(
                    "U0DAVE", channel, "/remediate", "checkout-api " + OOM_TEXT)));
    var card = awaitButtons(channel);
    awaitReply(channel, "Waiting for approval");
    int before = slack.calls("chat.postMessage").size();

    slack.faults().rateLimit("chat.postMessage", RETRY_AFTER_SECONDS, 1);
    ack(slack.clickButton(ALICE, card, Ids.APPROVE_ACTION));

    List<String> replies = awaitReply(channel, "Recovered", Duration.ofSeconds(90));
    assertThat(replies).filteredOn(r -> r.startsWith("Approved by")).hasSize(1);
    assertThat(actionsOf(id)).hasSize(1);
    InjectedFault limited = slack.faults().injected("chat.postMessage").get(0);
    List<ApiCall> calls = slack.calls("chat.postMessage");
    // Notifications go out one after another, so the call after the limited one is its retry.
    ApiCall refused = calls.get(before);
    ApiCall retry = calls.get(before + 1);
    assertThat(retry.param("text")).isEqualTo(refused.param("text"));
    assertThat(Duration.between(limited.at(), retry.at()))
        .as("the retry waited for Retry-After")
        .isGreaterThanOrEqualTo(Duration.ofSeconds(RETRY_AFTER_SECONDS).minusMillis(200));
  }
}
