package dev.greenlight.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A dropped Socket Mode connection (no disconnect message): Bolt must notice and reconnect. */
class SocketDropFaultTest {

  private BoltHarness bolt;

  @BeforeEach
  void start() throws Exception {
    bolt = new BoltHarness();
    bolt.app.command("/greenlight", (req, ctx) -> ctx.ack("pong"));
    bolt.startAndAwaitConnection();
  }

  @AfterEach
  void stop() {
    bolt.close();
  }

  @Test
  void boltReconnectsAndACommandSentWhileDownIsDelivered() throws Exception {
    int opensBefore = bolt.server.calls("apps.connections.open").size();

    bolt.server.faults().dropSocket();
    // Sent while no connection is healthy: queued, as Slack retries delivery.
    SentEnvelope whileDown = bolt.server.sendSlashCommand("U0ALICE", "C0OPS", "/greenlight", "");

    assertThat(whileDown.ack().get(60, TimeUnit.SECONDS).payload().path("text").asText())
        .isEqualTo("pong");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(bolt.server.calls("apps.connections.open"))
                    .hasSizeGreaterThan(opensBefore));
    assertThat(bolt.server.faults().injected("socket")).hasSize(1);
  }
}
