package dev.greenlight.bot.slack;

import com.slack.api.socket_mode.SocketModeClient;
import com.slack.api.socket_mode.listener.WebSocketMessageListener;
import com.slack.api.socket_mode.queue.SocketModeMessageQueue;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each Socket Mode frame to Bolt the moment it arrives.
 *
 * <p>The Java SDK's client (slack-api-client 1.51.0) puts every frame on a queue that ten tasks
 * poll every 10 ms, all ten on one thread ({@code DaemonThreadExecutorServiceFactory} makes a
 * single-thread scheduled executor): an envelope waits 0-10 ms before Bolt sees it, and a burst is
 * taken at most ten per 10 ms, about 1,000 a second whatever Bolt's own handler pool could do. This
 * queue instead gives each frame at once to one dispatch thread, in arrival order, which parses it
 * and hands it to Bolt's handler pool ({@code SocketModeApp}'s concurrency); the ack stays Bolt's
 * (the {@code envelope_id} echo after our handler returns). The dispatch thread replaces the
 * polling executor, so closing the client stops it. On each new connection's {@code hello} it also
 * turns Nagle's algorithm off for that connection ({@link NoDelay}).
 */
public final class SocketModeDispatch implements SocketModeMessageQueue {
  private static final Logger log = LoggerFactory.getLogger(SocketModeDispatch.class);

  /** How long the switch waits for a running poll of the SDK's queue to finish. */
  static final Duration POLL_GRACE = Duration.ofSeconds(1);

  private final SocketModeClient client;
  private final SocketModeMessageQueue polled;
  private final ScheduledExecutorService dispatcher;

  private SocketModeDispatch(
      SocketModeClient client, SocketModeMessageQueue polled, ScheduledExecutorService dispatcher) {
    this.client = client;
    this.polled = polled;
    this.dispatcher = dispatcher;
  }

  /**
   * Replaces the client's polled queue with direct dispatch, stops the polling, and dispatches
   * whatever the polled queue still holds (frames that arrived before this call).
   */
  public static void install(SocketModeClient client) {
    ScheduledThreadPoolExecutor dispatcher =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "socket-mode-dispatch");
              t.setDaemon(true);
              return t;
            });
    SocketModeDispatch direct =
        new SocketModeDispatch(client, client.getMessageQueue(), dispatcher);
    ScheduledExecutorService polling = client.getMessageProcessorExecutor();
    client.setMessageProcessorExecutor(dispatcher);
    client.setMessageQueue(direct);
    polling.shutdown();
    awaitPoll(polling);
    direct.drain();
  }

  /**
   * Lets a poll that is running finish before the rest of the old queue is dispatched: otherwise it
   * could hand the first queued frame to Bolt after the dispatch thread has handed it the second.
   */
  private static void awaitPoll(ScheduledExecutorService polling) {
    try {
      if (!polling.awaitTermination(POLL_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        log.debug("Socket Mode poller still running after {}; dispatching anyway", POLL_GRACE);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Hands the frame to the dispatch thread after whatever the old queue still holds. Synchronized
   * with {@link #drain}: a frame the socket delivers while {@link #install} is draining (Slack's
   * {@code hello}, an early envelope) must not overtake the frames queued before it.
   */
  @Override
  public synchronized void add(String message) {
    drain();
    dispatch(message);
  }

  /** Nothing is left for a poller: every frame was dispatched when it arrived. */
  @Override
  public String poll() {
    return null;
  }

  /** Frames a socket thread put on the old queue while this one was being installed. */
  private synchronized void drain() {
    for (String m = polled.poll(); m != null; m = polled.poll()) {
      dispatch(m);
    }
  }

  private void dispatch(String message) {
    try {
      dispatcher.execute(() -> process(message));
    } catch (RejectedExecutionException e) {
      log.debug("Socket Mode client closed; frame not dispatched");
    }
  }

  /**
   * What {@link SocketModeClient#processMessage} does, without building a JSON tree of the whole
   * frame just to read its type: Bolt's listener parses the frame again anyway, on its own pool,
   * and a click's frame carries the whole card (tens of kB), which this single thread would
   * otherwise parse once per envelope of a burst. Typed envelope listeners (Bolt registers none)
   * and anything unusual go the SDK's way.
   */
  private void process(String message) {
    try {
      String type = FrameType.of(message);
      if (type == null
          || type.equals("disconnect")
          || !client.getEventsApiEnvelopeListeners().isEmpty()
          || !client.getInteractiveEnvelopeListeners().isEmpty()
          || !client.getSlashCommandsEnvelopeListeners().isEmpty()) {
        client.processMessage(message);
        return;
      }
      if (type.equals("hello")) {
        NoDelay.set(client);
      }
      for (WebSocketMessageListener listener : client.getWebSocketMessageListeners()) {
        listener.handle(message);
      }
    } catch (Exception e) {
      log.error("Failed to process a Socket Mode frame: {}", e.toString());
    }
  }
}
