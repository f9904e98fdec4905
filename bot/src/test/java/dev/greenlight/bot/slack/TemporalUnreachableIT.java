package dev.greenlight.bot.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.bot.Greenlight;
import dev.greenlight.sandbox.Message;
import dev.greenlight.sandbox.SentEnvelope;
import dev.greenlight.sandbox.SlackServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code greenlight bot} with Temporal unreachable (its address a closed port), against the sandbox
 * Slack: every slash command and click is acked and answered within Slack's 3 s, saying that
 * nothing was started or decided, and a burst of commands is answered as quickly.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TemporalUnreachableIT {
  /** Slack's limit for an ack. */
  private static final long SLACK_MILLIS = 3_000;

  private SlackServer slack;
  private Greenlight bot;

  @BeforeAll
  void start() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    slack = SlackServer.start();
    bot =
        Greenlight.start(
            Greenlight.Mode.BOT,
            Map.of(
                "SLACK_BOT_TOKEN", slack.botToken(),
                "SLACK_APP_TOKEN", slack.appToken(),
                "SLACK_API_URL", slack.apiUrl(),
                "GREENLIGHT_MANAGEMENT_PORT", "0",
                "TEMPORAL_ADDRESS", "127.0.0.1:" + closed),
            (java.nio.file.Path) null);
    assertThat(slack.awaitConnected(Duration.ofSeconds(30))).isTrue();
  }

  @AfterAll
  void stop() {
    bot.close();
    slack.close();
  }

  /** The ack's text and how long it took, from sending the envelope. */
  private record Acked(String text, long millis) {}

  private static Acked acked(SentEnvelope e, long sentAtNanos) throws Exception {
    var ack = e.ack().get(10, TimeUnit.SECONDS);
    return new Acked(
        ack.payload().path("text").asText(), (System.nanoTime() - sentAtNanos) / 1_000_000);
  }

  @Test
  void aSlashCommandIsAnsweredInTimeThatNothingWasStarted() throws Exception {
    long t0 = System.nanoTime();
    Acked a =
        acked(
            slack.sendSlashCommand(
                "U0DAVE", "C0OUTAGE", "/remediate", "checkout-api pods OOMKilled"),
            t0);

    assertThat(a.millis()).isLessThan(SLACK_MILLIS);
    assertThat(a.text())
        .startsWith(":warning: Greenlight cannot reach Temporal (")
        .contains("nothing was started");
  }

  @Test
  void aClickIsAckedInTimeAndToldThatNothingWasDecided() throws Exception {
    String value = new ButtonValue("incident-GL-OUTAGE01", "nonce-1").encode();
    var posted =
        GreenlightApp.slack(slack.apiUrl())
            .methods(slack.botToken())
            .chatPostMessage(
                r ->
                    r.channel("C0OUTAGE")
                        .text("card")
                        .blocks(
                            List.of(
                                actions(
                                    b ->
                                        b.blockId(Ids.GATE_BLOCK)
                                            .elements(
                                                List.of(
                                                    button(
                                                        x ->
                                                            x.actionId(Ids.APPROVE_ACTION)
                                                                .text(plainText("Approve"))
                                                                .value(value))))))));
    Message card = slack.message("C0OUTAGE", posted.getTs()).orElseThrow();

    long t0 = System.nanoTime();
    slack.clickButton("U0ALICE", card, Ids.APPROVE_ACTION).ack().get(10, TimeUnit.SECONDS);
    long ackMillis = (System.nanoTime() - t0) / 1_000_000;
    String told =
        await()
            .atMost(Duration.ofSeconds(5))
            .until(() -> slack.ephemerals("U0ALICE"), m -> !m.isEmpty())
            .get(0)
            .text();
    long toldMillis = (System.nanoTime() - t0) / 1_000_000;

    assertThat(ackMillis).isLessThan(SLACK_MILLIS);
    assertThat(toldMillis).isLessThan(SLACK_MILLIS);
    assertThat(told).isEqualTo(GateButtons.UNDELIVERED).contains("nothing was decided");
  }

  @Test
  void aBurstOfCommandsIsAnsweredAsQuicklyAndTheBotStaysResponsive() throws Exception {
    List<SentEnvelope> sent = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int i = 0; i < 20; i++) {
      sent.add(
          slack.sendSlashCommand("U0DAVE", "C0OUTAGE", "/remediate", "checkout-api burst " + i));
    }
    List<Acked> answers = new ArrayList<>();
    for (SentEnvelope e : sent) {
      answers.add(acked(e, t0));
    }
    assertThat(answers).allSatisfy(a -> assertThat(a.text()).contains("nothing was started"));
    assertThat(answers).allSatisfy(a -> assertThat(a.millis()).isLessThan(SLACK_MILLIS));

    // Help needs no Temporal: answered at once even right after the burst.
    long t1 = System.nanoTime();
    Acked help = acked(slack.sendSlashCommand("U0DAVE", "C0OUTAGE", "/remediate", "help"), t1);
    assertThat(help.millis()).isLessThan(1_000);
  }
}
