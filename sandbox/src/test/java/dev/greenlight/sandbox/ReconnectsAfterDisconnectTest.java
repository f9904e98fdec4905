package dev.greenlight.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReconnectsAfterDisconnectTest {

  private BoltHarness bolt;

  @BeforeEach
  void start() throws Exception {
    bolt = new BoltHarness();
    bolt.app.command("/greenlight", (req, ctx) -> ctx.ack("pong"));
    bolt.startAndAwaitConnection();
  }

  @AfterEach
  void stop() throws Exception {
    bolt.close();
  }

  @Test
  void boltReconnectsAndKeepsHandlingCommands() throws Exception {
    int opensBefore = bolt.server.calls("apps.connections.open").size();

    bolt.server.disconnectAll("refresh_requested");

    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () -> {
              assertThat(bolt.server.calls("apps.connections.open"))
                  .hasSizeGreaterThan(opensBefore);
              assertThat(bolt.server.connectionCount()).isEqualTo(1);
              assertThat(bolt.server.awaitConnected(Duration.ZERO)).isTrue();
            });
    Ack ack =
        bolt.server
            .sendSlashCommand("U0ALICE", "C0OPS", "/greenlight", "")
            .ack()
            .get(10, TimeUnit.SECONDS);
    assertThat(ack.payload().path("text").asText()).isEqualTo("pong");
  }
}
