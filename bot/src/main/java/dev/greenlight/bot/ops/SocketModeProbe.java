package dev.greenlight.bot.ops;

import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Whether the bot's Socket Mode connection is up, for {@code /readyz}. A closed WebSocket flips it
 * at once (the client's close listener); a background check every {@link #EVERY} (the client's own
 * ping and pong, at most 3 s) flips it back once the client has reconnected, so a probe never waits
 * on Slack.
 */
public final class SocketModeProbe implements Readiness.Check, AutoCloseable {
  /** How often the connection is verified. */
  static final Duration EVERY = Duration.ofSeconds(5);

  private final SocketModeApp socket;
  private final ScheduledExecutorService checker;
  private volatile boolean connected;
  private volatile SocketModeClient watched;

  private SocketModeProbe(SocketModeApp socket) {
    this.socket = socket;
    this.checker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "greenlight-socket-mode-probe");
              t.setDaemon(true);
              return t;
            });
  }

  /** Starts watching a started {@code socket}; the first check runs at once. */
  public static SocketModeProbe watch(SocketModeApp socket) {
    SocketModeProbe probe = new SocketModeProbe(socket);
    probe.checker.scheduleWithFixedDelay(probe::verify, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
    return probe;
  }

  private void verify() {
    SocketModeClient client = socket.getClient();
    if (client == null || socket.isClientStopped()) {
      connected = false;
      return;
    }
    if (client != watched) {
      client.addWebSocketCloseListener((code, reason) -> connected = false);
      watched = client;
    }
    try {
      connected = client.verifyConnection();
    } catch (RuntimeException e) {
      connected = false;
    }
  }

  @Override
  public Optional<String> get() {
    return connected ? Optional.empty() : Optional.of("Slack Socket Mode is not connected");
  }

  @Override
  public void close() {
    checker.shutdownNow();
  }
}
