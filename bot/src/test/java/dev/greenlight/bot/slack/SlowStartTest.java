package dev.greenlight.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.sandbox.Message;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A start Temporal is slow to take (connected, no answer within the ack's budget) is acked saying
 * it is still being started, and its outcome is told afterwards in the same place (the command's
 * response_url): started, or nothing started.
 */
class SlowStartTest extends ClickFixture {

  private String ackOf(String text) throws Exception {
    return slack
        .sendSlashCommand("U0DAVE", CHANNEL, "/remediate", text)
        .ack()
        .get(10, TimeUnit.SECONDS)
        .payload()
        .path("text")
        .asText();
  }

  private String laterTold() {
    return await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> slack.ephemerals("U0DAVE"), m -> m.size() >= 2) // the ack's text, then this
        .stream()
        .map(Message::text)
        .reduce((a, b) -> b)
        .orElseThrow();
  }

  private static TemporalUnreachable slow(CompletableFuture<Boolean> late) {
    return new TemporalUnreachable(
        new AckDeadline.Exceeded(Duration.ofSeconds(2), true, late), late);
  }

  @Test
  void aSlowStartThatGoesThroughIsToldAsStarted() throws Exception {
    CompletableFuture<Boolean> late = new CompletableFuture<>();
    incidents.starting(
        () -> {
          throw slow(late);
        });

    String ack = ackOf("checkout-api pods OOMKilled");
    assertThat(ack).startsWith(":hourglass: Temporal is slow").contains("still being started");
    // Only the ack's own text so far: nothing is told before the start has ended.
    assertThat(slack.ephemerals("U0DAVE")).extracting(Message::text).containsExactly(ack);

    late.complete(true);
    assertThat(laterTold()).contains("started for `checkout-api`", "the card will appear");
  }

  @Test
  void aSlowStartThatFailsIsToldThatNothingStarted() throws Exception {
    CompletableFuture<Boolean> late = new CompletableFuture<>();
    incidents.starting(
        () -> {
          throw slow(late);
        });

    ackOf("checkout-api pods OOMKilled");
    late.complete(false);
    assertThat(laterTold()).contains("could not start", "nothing was started");
  }
}
