package dev.greenlight.classify;

import java.time.Duration;
import java.util.Date;
import okhttp3.Response;

/** Reads how long a server asked the client to wait before trying again. */
final class RetryAfter {

  private RetryAfter() {}

  /** Retry-After in seconds or as an HTTP date, or OpenAI's retry-after-ms; null when absent. */
  static Duration of(Response resp) {
    String ms = resp.header("retry-after-ms");
    if (ms != null) {
      try {
        return Duration.ofMillis(Math.max(0, (long) Double.parseDouble(ms.trim())));
      } catch (NumberFormatException ignored) {
        // The header is unusable: fall through to Retry-After.
      }
    }
    String ra = resp.header("Retry-After");
    if (ra == null) {
      return null;
    }
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(ra.trim())));
    } catch (NumberFormatException e) {
      Date date = resp.headers().getDate("Retry-After");
      if (date == null) {
        return null;
      }
      long millis = date.getTime() - System.currentTimeMillis();
      return Duration.ofMillis(Math.max(0, millis));
    }
  }
}
