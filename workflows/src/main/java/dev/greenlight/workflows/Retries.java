package dev.greenlight.workflows;

import io.temporal.common.RetryOptions;
import java.time.Duration;

/** The retry policies of the workflows' activities: exponential, doubling, bounded. */
final class Retries {
  private Retries() {}

  /**
   * @param attempts at most this many attempts (0: no limit but the activity's timeouts)
   * @param doNotRetry the failure types no attempt can mend
   */
  static RetryOptions of(Duration initial, Duration max, int attempts, String... doNotRetry) {
    return RetryOptions.newBuilder()
        .setInitialInterval(initial)
        .setMaximumInterval(max)
        .setBackoffCoefficient(2.0)
        .setMaximumAttempts(attempts)
        .setDoNotRetry(doNotRetry)
        .build();
  }
}
