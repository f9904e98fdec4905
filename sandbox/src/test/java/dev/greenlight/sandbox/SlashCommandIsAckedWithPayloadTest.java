package dev.greenlight.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SlashCommandIsAckedWithPayloadTest {

  private BoltHarness bolt;
  private final CompletableFuture<SlashCommandPayload> received = new CompletableFuture<>();

  @BeforeEach
  void start() throws Exception {
    bolt = new BoltHarness();
    bolt.app.command(
        "/greenlight",
        (req, ctx) -> {
          received.complete(req.getPayload());
          return ctx.ack("on it: " + req.getPayload().getText());
        });
    bolt.startAndAwaitConnection();
  }

  @AfterEach
  void stop() throws Exception {
    bolt.close();
  }

  @Test
  void slashCommandIsAckedWithPayload() throws Exception {
    long beforeSend = System.nanoTime();
    SentEnvelope sent =
        bolt.server.sendSlashCommand("U0ALICE", "C0OPS", "/greenlight", "restart api");

    Ack ack = sent.ack().get(10, TimeUnit.SECONDS);
    long acked = System.nanoTime();

    assertThat(sent.type()).isEqualTo("slash_commands");
    assertThat(ack.envelopeId()).isEqualTo(sent.envelopeId());
    assertThat(ack.payload().path("text").asText()).isEqualTo("on it: restart api");
    assertThat(ack.latency()).isPositive().isLessThan(Duration.ofSeconds(10));
    // The latency counts from the envelope's write to the socket, after the sandbox built it.
    assertThat(ack.sentAtNanos()).isBetween(beforeSend, acked);
    assertThat(ack.sentAtNanos() + ack.latency().toNanos()).isLessThanOrEqualTo(acked);
    SlashCommandPayload payload = received.get(1, TimeUnit.SECONDS);
    assertThat(payload.getUserId()).isEqualTo("U0ALICE");
    assertThat(payload.getChannelId()).isEqualTo("C0OPS");
    assertThat(payload.getTeamId()).isEqualTo(bolt.server.teamId());
    assertThat(payload.getTriggerId()).isNotBlank();
    assertThat(payload.getResponseUrl()).startsWith("http://127.0.0.1:");
  }

  @Test
  void eachCommandGetsAFreshTriggerId() throws Exception {
    SentEnvelope first = bolt.server.sendSlashCommand("U0ALICE", "C0OPS", "/greenlight", "a");
    SentEnvelope second = bolt.server.sendSlashCommand("U0ALICE", "C0OPS", "/greenlight", "b");
    CompletableFuture.allOf(first.ack(), second.ack()).get(10, TimeUnit.SECONDS);

    assertThat(first.triggerId()).isNotEqualTo(second.triggerId());
    assertThat(first.envelopeId()).isNotEqualTo(second.envelopeId());
  }
}
