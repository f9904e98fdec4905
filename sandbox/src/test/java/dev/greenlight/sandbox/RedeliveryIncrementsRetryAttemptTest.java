package dev.greenlight.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RedeliveryIncrementsRetryAttemptTest {

  private BoltHarness bolt;
  private final List<String> retryNums = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    bolt = new BoltHarness();
    bolt.app.command(
        "/greenlight",
        (req, ctx) -> {
          retryNums.add(String.valueOf(req.getHeaders().getFirstValue("X-Slack-Retry-Num")));
          return ctx.ack();
        });
    bolt.startAndAwaitConnection();
  }

  @AfterEach
  void stop() throws Exception {
    bolt.close();
  }

  @Test
  void redeliverySendsSamePayloadWithRetryAttemptOne() throws Exception {
    SentEnvelope first = bolt.server.sendSlashCommand("U0ALICE", "C0OPS", "/greenlight", "go");
    first.ack().get(10, TimeUnit.SECONDS);

    SentEnvelope retry = bolt.server.redeliver(first);
    retry.ack().get(10, TimeUnit.SECONDS);

    assertThat(retry.envelopeId()).isNotEqualTo(first.envelopeId());
    assertThat(retry.retryAttempt()).isEqualTo(1);
    assertThat(retry.payload()).isEqualTo(first.payload());
    assertThat(retryNums).containsExactly("0", "1");
  }
}
