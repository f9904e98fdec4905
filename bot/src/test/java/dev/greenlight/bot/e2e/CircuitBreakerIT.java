package dev.greenlight.bot.e2e;

import static dev.greenlight.bot.e2e.TestConfig.BOB;
import static dev.greenlight.bot.e2e.TestConfig.CACHE_TEXT;
import static dev.greenlight.bot.e2e.TestConfig.MALLORY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.bot.slack.Ids;
import dev.greenlight.sandbox.Message;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The circuit breaker end to end: {@code payments-api} never recovers, so its low-risk cache flush
 * (which runs by policy) fails verification; after two failures the third incident waits at the
 * gate, its card says why and offers Reset breaker, which only an approver's click does.
 */
class CircuitBreakerIT extends LoopFixture {

  @Override
  String extraConfig() {
    return """
        rails:
          breaker: {failures: 2, window: 1h}
        """;
  }

  @Test
  void twoFailedFixesSuspendAutoApprovalUntilAnApproverResetsTheBreaker() throws Exception {
    for (int i = 0; i < 2; i++) {
      String channel = newChannel();
      ack(slack.sendSlashCommand("U0DAVE", channel, "/remediate", "payments-api " + CACHE_TEXT));
      awaitReply(channel, "Verification failed");
    }
    assertThat(targets.actionsFor("payments-api")).hasSize(2);

    String channel = newChannel();
    String started =
        ackText(
            slack.sendSlashCommand("U0DAVE", channel, "/remediate", "payments-api " + CACHE_TEXT));
    Message card =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> slack.messages(channel),
                m ->
                    !m.isEmpty() && m.get(0).blocks().toString().contains(Ids.RESET_BREAKER_ACTION))
            .get(0);
    assertThat(card.blocks().toString())
        .contains("Circuit breaker open", "2 failed verifications of flush-cache on payments-api")
        .contains(Ids.APPROVE_ACTION);
    assertThat(targets.actionsFor("payments-api")).hasSize(2);

    ack(slack.clickButton(MALLORY, card, Ids.RESET_BREAKER_ACTION));
    awaitEphemeral(MALLORY, "You are not an approver");

    ack(slack.clickButton(BOB, card, Ids.RESET_BREAKER_ACTION));
    awaitReply(channel, "reset the circuit breaker of `flush-cache`");
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> slack.messages(channel).get(0).blocks().toString(),
            b -> !b.contains(Ids.RESET_BREAKER_ACTION) && b.contains(Ids.APPROVE_ACTION));
    assertThat(audit(incidentId(started)))
        .contains("auto-approval withheld", "breaker of flush-cache on payments-api reset");

    String after = newChannel();
    ack(slack.sendSlashCommand("U0DAVE", after, "/remediate", "payments-api " + CACHE_TEXT));
    assertThat(awaitReply(after, "Verification failed"))
        .anyMatch(r -> r.startsWith("Approved by policy"));
  }
}
