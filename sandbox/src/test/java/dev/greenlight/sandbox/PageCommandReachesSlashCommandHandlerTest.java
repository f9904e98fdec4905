package dev.greenlight.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PageCommandReachesSlashCommandHandlerTest {

  private final BoltHarness bolt = new BoltHarness(SlackServer.builder().demoWorkspace().start());
  private final PageClient page = new PageClient(bolt.server);
  private final CompletableFuture<SlashCommandPayload> received = new CompletableFuture<>();

  @BeforeEach
  void start() throws Exception {
    bolt.app.command(
        "/remediate",
        (req, ctx) -> {
          received.complete(req.getPayload());
          return ctx.ack(":hourglass: Request received: " + req.getPayload().getText());
        });
    bolt.startAndAwaitConnection();
  }

  @AfterEach
  void stop() {
    bolt.close();
  }

  @Test
  void slashCommandFromTheComposerIsHandledAndItsAckShownToTheUser() throws Exception {
    assertThat(
            page.post(
                    "/sandbox/command",
                    Map.of(
                        "user", "U0ALICE",
                        "channel", "C0INCIDENTS",
                        "text", "/remediate checkout-api pods OOMKilled"))
                .path("ok")
                .asBoolean())
        .isTrue();

    SlashCommandPayload payload = received.get(10, TimeUnit.SECONDS);
    assertThat(payload.getCommand()).isEqualTo("/remediate");
    assertThat(payload.getText()).isEqualTo("checkout-api pods OOMKilled");
    assertThat(payload.getUserId()).isEqualTo("U0ALICE");
    assertThat(payload.getUserName()).isEqualTo("alice");
    assertThat(payload.getChannelName()).isEqualTo("incidents");

    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(
                        page.state("U0ALICE", "C0INCIDENTS")
                            .path("ephemerals")
                            .findValuesAsText("text"))
                    .containsExactly(":hourglass: Request received: checkout-api pods OOMKilled"));
    assertThat(page.state("U0BOB", "C0INCIDENTS").path("ephemerals")).isEmpty();
  }
}
