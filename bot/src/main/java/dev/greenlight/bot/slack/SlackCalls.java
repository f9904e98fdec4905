package dev.greenlight.bot.slack;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import dev.greenlight.telemetry.Meters;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.time.Duration;

/**
 * One Slack Web API call as an activity sees it: counted by method and error, a permanent error
 * non-retryable (type {@link #REFUSED}, Slack's error code as its detail), anything else retried.
 */
final class SlackCalls {
  /** The failure type of a permanent Slack error. */
  static final String REFUSED = "SlackRefused";

  private SlackCalls() {}

  interface SlackCall<T extends SlackApiTextResponse> {
    T run() throws IOException, SlackApiException;
  }

  /**
   * Runs one Web API call and counts it in {@code meters} by method and error ({@code none} when it
   * succeeded, Slack's error code, {@code ratelimited} for HTTP 429, {@code http_<status>} or
   * {@code io_error}).
   */
  static <T extends SlackApiTextResponse> T call(
      MeterRegistry meters, String method, SlackCall<T> c) {
    T r;
    long t0 = System.nanoTime();
    try {
      r = c.run();
    } catch (IOException | SlackApiException e) {
      count(meters, method, error(e), t0);
      throw unavailable(method, e);
    }
    count(meters, method, r.isOk() ? "none" : r.getError(), t0);
    if (!r.isOk()) {
      String msg = method + " answered error '" + r.getError() + "'";
      if (SlackRefusal.permanent(r.getError())) {
        throw ApplicationFailure.newNonRetryableFailure(msg, REFUSED, r.getError());
      }
      throw ApplicationFailure.newFailure(msg, "SlackError");
    }
    return r;
  }

  private static String error(Exception e) {
    if (e instanceof SlackApiException api && api.getResponse() != null) {
      int status = api.getResponse().code();
      return status == 429 ? "ratelimited" : "http_" + status;
    }
    return "io_error";
  }

  private static void count(MeterRegistry meters, String method, String error, long t0) {
    String tag = error == null ? "unknown" : error;
    meters.counter(Meters.SLACK_CALLS, "method", method, "error", tag).increment();
    Timer.builder(Meters.SLACK_CALL_DURATION)
        .description("Duration of one Slack Web API call")
        .tags("method", method, "error", tag)
        .register(meters)
        .record(System.nanoTime() - t0, java.util.concurrent.TimeUnit.NANOSECONDS);
  }

  /**
   * A failure to reach Slack, retried. A rate limit (HTTP 429, {@code "ratelimited"}) is retried no
   * sooner than Slack's {@code Retry-After} says (at most 5 minutes); anything else on the
   * activity's own schedule.
   */
  static ApplicationFailure unavailable(String method, Exception e) {
    if (e instanceof SlackApiException api
        && api.getResponse() != null
        && api.getResponse().code() == 429) {
      String retryAfter = api.getResponse().header("Retry-After", "");
      long seconds = retryAfter.matches("\\d{1,5}") ? Long.parseLong(retryAfter) : 1;
      return ApplicationFailure.newFailureWithCauseAndDelay(
          method + " was rate limited; retrying after " + seconds + " s",
          "SlackRateLimited",
          null,
          Duration.ofSeconds(Math.min(300, Math.max(1, seconds))));
    }
    return ApplicationFailure.newFailure(method + " failed: " + e.getMessage(), "SlackUnavailable");
  }
}
