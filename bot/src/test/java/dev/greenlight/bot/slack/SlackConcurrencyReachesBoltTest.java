package dev.greenlight.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import dev.greenlight.bot.Greenlight;
import dev.greenlight.sandbox.SentEnvelope;
import dev.greenlight.sandbox.SlackServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The configured number of Socket Mode handlers is what Bolt runs at once: with three, a burst of
 * six slow envelopes has three in its handlers at a time, never more, and all six are acked.
 */
class SlackConcurrencyReachesBoltTest {
  private SlackServer slack;
  private SocketModeApp socket;

  @AfterEach
  void close() throws Exception {
    if (socket != null) {
      socket.close();
    }
    slack.close();
  }

  @Test
  void aBurstRunsAsManyHandlersAtOnceAsConfigured() throws Exception {
    slack = SlackServer.start();
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    CountDownLatch full = new CountDownLatch(3);
    App app = BareApps.against(slack);
    app.command(
        "/t",
        (req, ctx) -> {
          most.accumulateAndGet(inside.incrementAndGet(), Math::max);
          full.countDown();
          try {
            // Held until three are inside at once (or long enough to show that no more came in).
            full.await(5, TimeUnit.SECONDS);
            Thread.sleep(200);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } finally {
            inside.decrementAndGet();
          }
          return ctx.ack();
        });
    socket = Greenlight.connectSocketMode(slack.appToken(), app, 3);
    assertThat(slack.awaitConnected(Duration.ofSeconds(10))).isTrue();

    List<SentEnvelope> sent = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      sent.add(slack.sendSlashCommand("U0ALICE", "C0CONC", "/t", "n" + i));
    }
    for (SentEnvelope e : sent) {
      assertThat(e.ack().get(20, TimeUnit.SECONDS).envelopeId()).isEqualTo(e.envelopeId());
    }

    assertThat(most.get()).as("handlers at once").isEqualTo(3);
  }
}
