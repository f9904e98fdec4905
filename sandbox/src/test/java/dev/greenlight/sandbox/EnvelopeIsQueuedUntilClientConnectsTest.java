package dev.greenlight.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EnvelopeIsQueuedUntilClientConnectsTest {

  private BoltHarness bolt;

  @BeforeEach
  void create() {
    bolt = new BoltHarness();
    bolt.app.command("/greenlight", (req, ctx) -> ctx.ack("late but here"));
  }

  @AfterEach
  void stop() throws Exception {
    bolt.close();
  }

  @Test
  void envelopeSentBeforeConnectIsDeliveredAfterConnect() throws Exception {
    assertThat(bolt.server.connectionCount()).isZero();
    SentEnvelope sent = bolt.server.sendSlashCommand("U0ALICE", "C0OPS", "/greenlight", "");
    assertThat(sent.ack()).isNotDone();

    bolt.startAsync();

    Ack ack = sent.ack().get(10, TimeUnit.SECONDS);
    assertThat(ack.payload().path("text").asText()).isEqualTo("late but here");
  }
}
