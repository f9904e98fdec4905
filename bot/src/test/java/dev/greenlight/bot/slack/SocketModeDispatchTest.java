package dev.greenlight.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonParser;
import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.queue.SocketModeMessageQueue;
import com.slack.api.socket_mode.queue.impl.ConcurrentLinkedMessageQueue;
import dev.greenlight.bot.Greenlight;
import dev.greenlight.sandbox.Ack;
import dev.greenlight.sandbox.SentEnvelope;
import dev.greenlight.sandbox.SlackServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Socket Mode frames reach Bolt as they arrive, on the dispatch thread and in order, not through
 * the SDK's 10 ms poll on one thread; handlers still run side by side on Bolt's pool and every
 * envelope is acked with its own id.
 */
class SocketModeDispatchTest {
  private SlackServer slack;
  private SocketModeApp socket;
  private final List<String> processedOn = new CopyOnWriteArrayList<>();
  private final List<String> envelopeOrder = new CopyOnWriteArrayList<>();
  private final Set<String> handlerThreads = ConcurrentHashMap.newKeySet();
  private final CountDownLatch secondHandled = new CountDownLatch(1);

  @BeforeEach
  void connect() throws Exception {
    slack = SlackServer.start();
    App app = BareApps.against(slack);
    app.command(
        "/t",
        (req, ctx) -> {
          handlerThreads.add(Thread.currentThread().getName());
          if (req.getPayload().getText().equals("first")) {
            // Only acked once a later envelope was handled: proves the handlers overlap.
            try {
              secondHandled.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          } else if (req.getPayload().getText().equals("second")) {
            secondHandled.countDown();
          }
          return ctx.ack();
        });
    socket = Greenlight.connectSocketMode(slack.appToken(), app);
    socket
        .getClient()
        .addWebSocketMessageListener(
            m -> {
              processedOn.add(Thread.currentThread().getName());
              var id = JsonParser.parseString(m).getAsJsonObject().get("envelope_id");
              if (id != null) {
                envelopeOrder.add(id.getAsString());
              }
            });
    assertThat(slack.awaitConnected(Duration.ofSeconds(10))).isTrue();
  }

  /** A frame of a type no listener acts on, only recorded. */
  private static String frame(int i) {
    return "{\"type\":\"dispatch_test\",\"envelope_id\":\"pre-" + i + "\"}";
  }

  @AfterEach
  void close() throws Exception {
    socket.close();
    slack.close();
  }

  @Test
  void aBurstIsDispatchedInOrderOnTheDispatchThreadAndEveryEnvelopeAckedWithItsId()
      throws Exception {
    List<SentEnvelope> sent = new ArrayList<>();
    sent.add(slack.sendSlashCommand("U0ALICE", "C0DISPATCH", "/t", "first"));
    sent.add(slack.sendSlashCommand("U0ALICE", "C0DISPATCH", "/t", "second"));
    for (int i = 0; i < 48; i++) {
      sent.add(slack.sendSlashCommand("U0ALICE", "C0DISPATCH", "/t", "n" + i));
    }

    for (SentEnvelope e : sent) {
      Ack ack = e.ack().get(20, TimeUnit.SECONDS);
      assertThat(ack.envelopeId()).isEqualTo(e.envelopeId());
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> envelopeOrder.size() == sent.size());
    assertThat(envelopeOrder)
        .containsExactlyElementsOf(sent.stream().map(e -> e.envelopeId()).toList());
    assertThat(processedOn).isNotEmpty().allMatch("socket-mode-dispatch"::equals);
    assertThat(secondHandled.getCount())
        .as("the second was handled while the first waited")
        .isZero();
    assertThat(handlerThreads).hasSizeGreaterThan(1).noneMatch("socket-mode-dispatch"::equals);
  }

  @Test
  void theConnectionSendsItsAcksWithoutNaglesDelay() throws Exception {
    var field = socket.getClient().getClass().getDeclaredField("currentSession");
    field.setAccessible(true);
    var session = (org.java_websocket.client.WebSocketClient) field.get(socket.getClient());

    await().atMost(Duration.ofSeconds(5)).until(() -> session.getSocket().getTcpNoDelay());
  }

  @Test
  void aDisconnectIsStillTheSdksReconnectAndTheNewConnectionGetsNoDelayToo() throws Exception {
    var field = socket.getClient().getClass().getDeclaredField("currentSession");
    field.setAccessible(true);
    Object before = field.get(socket.getClient());
    int opensBefore = slack.calls("apps.connections.open").size();

    slack.disconnectAll("refresh_requested");

    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () -> {
              assertThat(slack.calls("apps.connections.open")).hasSizeGreaterThan(opensBefore);
              assertThat(slack.awaitConnected(Duration.ZERO)).isTrue();
              Object now = field.get(socket.getClient());
              assertThat(now).isNotSameAs(before);
              assertThat(
                      ((org.java_websocket.client.WebSocketClient) now).getSocket().getTcpNoDelay())
                  .isTrue();
            });
    SentEnvelope after = slack.sendSlashCommand("U0ALICE", "C0DISPATCH", "/t", "after");
    assertThat(after.ack().get(10, TimeUnit.SECONDS).envelopeId()).isEqualTo(after.envelopeId());
  }

  @Test
  void framesTheSdkQueuedBeforeTheSwitchAreStillDispatchedOnce() throws Exception {
    var client = socket.getClient();
    // A client whose polled queue still holds frames, as at the moment of the switch.
    var polled = new ConcurrentLinkedMessageQueue();
    client.setMessageQueue(polled);
    for (int i = 0; i < 3; i++) {
      polled.add(frame(i));
    }
    SocketModeDispatch.install(client);
    client.enqueueMessage(frame(3));

    await().atMost(Duration.ofSeconds(5)).until(() -> envelopeOrder.size() == 4);
    assertThat(envelopeOrder).containsExactly("pre-0", "pre-1", "pre-2", "pre-3");
  }

  @Test
  void aFrameArrivingWhileTheSwitchDrainsTheOldQueueDoesNotOvertakeIt() throws Exception {
    var client = socket.getClient();
    // The old queue lets the socket deliver a frame just as the switch takes its first frame out.
    var queued = new ConcurrentLinkedMessageQueue();
    for (int i = 0; i < 3; i++) {
      queued.add(frame(i));
    }
    var arriving = new java.util.concurrent.atomic.AtomicReference<Thread>();
    SocketModeMessageQueue racing =
        new SocketModeMessageQueue() {
          @Override
          public void add(String message) {
            queued.add(message);
          }

          @Override
          public String poll() {
            String m = queued.poll();
            if (arriving.get() == null) {
              Thread socketThread = new Thread(() -> client.enqueueMessage(frame(3)));
              arriving.set(socketThread);
              socketThread.start();
              try {
                socketThread.join(200);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
            return m;
          }
        };
    client.setMessageQueue(racing);

    SocketModeDispatch.install(client);

    await().atMost(Duration.ofSeconds(5)).until(() -> envelopeOrder.size() == 4);
    assertThat(envelopeOrder).containsExactly("pre-0", "pre-1", "pre-2", "pre-3");
  }
}
