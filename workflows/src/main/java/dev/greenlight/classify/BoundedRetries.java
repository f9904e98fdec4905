package dev.greenlight.classify;

import dev.greenlight.config.ClassifierSettings;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Repeats a classification attempt while its failure is retryable, up to {@code max-attempts}
 * times. It waits as long as Retry-After asks, or backs off exponentially from 500 ms, and gives up
 * early rather than exceed the retry budget or the activity's deadline.
 */
final class BoundedRetries {
  private static final Logger log = LoggerFactory.getLogger(OpenAiChatClassifier.class);

  /** Stay well inside the classify activity's one-minute start-to-close timeout. */
  private static final Duration DEADLINE = Duration.ofSeconds(50);

  /** One attempt at a verdict, without retries. */
  interface Attempt {
    Verdict run() throws ClassifierException;
  }

  private final ClassifierSettings settings;
  private final OpenAiChatClassifier.Sleeper sleeper;

  BoundedRetries(ClassifierSettings settings, OpenAiChatClassifier.Sleeper sleeper) {
    this.settings = settings;
    this.sleeper = sleeper;
  }

  /**
   * Runs {@code attempt} until it succeeds or retrying is pointless.
   *
   * @throws ClassifierException the last failure, or a non-retryable one that explains giving up
   */
  Verdict run(Attempt attempt) throws ClassifierException {
    long start = System.nanoTime();
    Duration waited = Duration.ZERO;
    ClassifierException last = null;
    for (int n = 1; n <= settings.maxAttempts(); n++) {
      try {
        return attempt.run();
      } catch (ClassifierException e) {
        last = e;
        log.warn("LLM classification attempt {} failed: {}", n, e.getMessage());
        if (!e.retryable() || n == settings.maxAttempts()) {
          break;
        }
        Duration wait =
            e.retryAfter() != null ? e.retryAfter() : Duration.ofMillis(500L << Math.min(n - 1, 6));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        if (waited.plus(wait).compareTo(settings.retryBudget()) > 0
            || elapsed.plus(wait).plus(settings.timeout()).compareTo(DEADLINE) > 0) {
          last = givingUp(e, wait);
          break;
        }
        try {
          sleeper.sleep(wait);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          break;
        }
        waited = waited.plus(wait);
      }
    }
    throw last;
  }

  private static ClassifierException givingUp(ClassifierException e, Duration wait) {
    return new ClassifierException(
        e.kind(),
        false,
        e.retryAfter(),
        "giving up: waiting "
            + wait.toMillis()
            + " ms more would exceed the retry budget (last: "
            + e.getMessage()
            + ")");
  }
}
