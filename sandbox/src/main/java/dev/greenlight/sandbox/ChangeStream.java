package dev.greenlight.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The page's Server-Sent Events stream: {@code event: change} on every workspace change, and a
 * keep-alive comment when nothing changed for a while. It holds its thread until the browser goes
 * away or the server closes.
 */
final class ChangeStream {
  private static final Logger log = LoggerFactory.getLogger(SandboxPage.class);
  private static final long KEEP_ALIVE_MILLIS = 15_000;

  private ChangeStream() {}

  /** Streams the changes of {@code feed} to {@code exchange} until either side closes. */
  static void stream(HttpExchange exchange, ChangeFeed feed) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    exchange.sendResponseHeaders(200, 0);
    OutputStream out = exchange.getResponseBody();
    long seen = feed.version();
    write(out, "retry: 1000\n: connected\n\n");
    try {
      while (!feed.isClosed()) {
        long now = feed.awaitChange(seen, KEEP_ALIVE_MILLIS);
        if (feed.isClosed()) {
          break;
        }
        if (now != seen) {
          seen = now;
          write(out, "event: change\ndata: " + now + "\n\n");
        } else {
          write(out, ": keep-alive\n\n");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      log.debug("event stream closed by the browser: {}", e.toString());
    }
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
