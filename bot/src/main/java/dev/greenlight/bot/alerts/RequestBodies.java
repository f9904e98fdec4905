package dev.greenlight.bot.alerts;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;

/** Reading a request body up to a limit, so that an oversized one still gets its answer. */
final class RequestBodies {
  /** How much of an oversized body is read and thrown away, so the sender sees the 413. */
  private static final long DRAIN_LIMIT = 8L * 1024 * 1024;

  private RequestBodies() {}

  /** The body, or null when it is larger than allowed (what was sent is read and dropped). */
  static byte[] read(HttpExchange ex, int max) throws IOException {
    String length = ex.getRequestHeaders().getFirst("Content-Length");
    try (InputStream in = ex.getRequestBody()) {
      if (length != null && parseLong(length) > max) {
        drain(in, Math.min(parseLong(length), DRAIN_LIMIT));
        return null;
      }
      byte[] body = in.readNBytes(max + 1);
      if (body.length > max) {
        drain(in, DRAIN_LIMIT);
        return null;
      }
      return body;
    }
  }

  /**
   * Reads and drops at most {@code limit} bytes. (Not {@code skip}: the JDK server's request stream
   * then still waits for the skipped bytes when it is closed.)
   */
  private static void drain(InputStream in, long limit) throws IOException {
    byte[] buf = new byte[8192];
    long left = limit;
    while (left > 0) {
      int n = in.read(buf, 0, (int) Math.min(buf.length, left));
      if (n < 0) {
        return;
      }
      left -= n;
    }
  }

  private static long parseLong(String s) {
    try {
      return Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }
}
