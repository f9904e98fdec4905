package dev.greenlight.bot.slack;

import java.util.Map;

/**
 * How many Socket Mode envelopes the bot handles at once ({@code GREENLIGHT_SLACK_CONCURRENCY}).
 * Bolt's own default is 10; a slash command or a click waits for Temporal (a start, a signal)
 * before its ack, so a burst queues behind the handlers that wait: more of them let more of those
 * calls run side by side, which helps when Temporal answers calls in parallel (a real cluster) and
 * not when it takes them one at a time (the SDK's test server).
 */
public final class SlackConcurrency {
  /** The variable that sets it. */
  public static final String VARIABLE = "GREENLIGHT_SLACK_CONCURRENCY";

  /** Handlers when the variable is unset. */
  public static final int DEFAULT = 32;

  /** The largest value accepted: each handler is a thread. */
  static final int MAX = 1024;

  private SlackConcurrency() {}

  /** The value the environment sets, or {@link #DEFAULT}; a bad value names the variable. */
  public static int fromEnv(Map<String, String> env) {
    String raw = env.getOrDefault(VARIABLE, "").strip();
    if (raw.isEmpty()) {
      return DEFAULT;
    }
    try {
      int n = Integer.parseInt(raw);
      if (n >= 1 && n <= MAX) {
        return n;
      }
    } catch (NumberFormatException e) {
      // Reported below with the range.
    }
    throw new IllegalArgumentException(
        VARIABLE + " must be a whole number from 1 to " + MAX + " (got '" + raw + "')");
  }
}
