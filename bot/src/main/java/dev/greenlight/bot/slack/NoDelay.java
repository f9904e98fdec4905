package dev.greenlight.bot.slack;

import com.slack.api.socket_mode.SocketModeClient;
import java.lang.reflect.Field;
import java.net.Socket;
import org.java_websocket.client.WebSocketClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns Nagle's algorithm off ({@code TCP_NODELAY}) on the Socket Mode client's current connection.
 * Java-WebSocket leaves it on, so when several acks go out back to back the second waits for the
 * TCP acknowledgement of the first, which the peer delays by up to 40 ms: a burst of ten envelopes
 * was acked after ~45 ms, a single one after 3 ms. The SDK's JavaWebSocket client (slack-api-client
 * 1.51.0) keeps its connection in a private field and offers no setting, hence the reflection;
 * should a later SDK rename it, the client works as before, only slower under a burst, and this
 * says so once.
 */
final class NoDelay {
  private static final Logger log = LoggerFactory.getLogger(NoDelay.class);
  private static volatile boolean warned;

  private NoDelay() {}

  /** Whether the current connection now has {@code TCP_NODELAY} set. */
  static boolean set(SocketModeClient client) {
    try {
      Field f = client.getClass().getDeclaredField("currentSession");
      f.setAccessible(true);
      if (f.get(client) instanceof WebSocketClient session) {
        Socket socket = session.getSocket();
        if (socket != null && !socket.isClosed()) {
          socket.setTcpNoDelay(true);
          return true;
        }
      }
      return false;
    } catch (ReflectiveOperationException | RuntimeException | java.net.SocketException e) {
      if (!warned) {
        warned = true;
        log.warn(
            "Could not turn Nagle's algorithm off on the Socket Mode connection ({}): acks of a"
                + " burst may wait up to 40 ms each",
            e.toString());
      }
      return false;
    }
  }
}
