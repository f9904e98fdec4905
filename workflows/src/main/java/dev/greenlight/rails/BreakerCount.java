package dev.greenlight.rails;

import dev.greenlight.api.Hold;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The breaker's rule: open when at least {@code k} failures fall within the window before the
 * moment asked about, after the last reset. Pure; the moment is the workflow's time.
 */
public final class BreakerCount {
  private BreakerCount() {}

  public static Optional<Hold> at(
      BreakerState state,
      int k,
      long windowSeconds,
      long nowMillis,
      String service,
      String runbookId) {
    long from = Math.max(nowMillis - windowSeconds * 1000, state.resetAtMillis());
    List<Long> counted =
        state.failures().stream()
            .map(BreakerState.Failure::atMillis)
            .filter(at -> at > from && at <= nowMillis)
            .sorted()
            .toList();
    if (k <= 0 || counted.size() < k) {
      return Optional.empty();
    }
    // It closes by itself when the k-th latest failure leaves the window.
    long until = counted.get(counted.size() - k) + windowSeconds * 1000;
    return Optional.of(
        new Hold(
            Hold.Kind.BREAKER,
            "auto-approval suspended: "
                + counted.size()
                + " failed verifications of "
                + runbookId
                + " on "
                + service
                + " within "
                + Duration.ofSeconds(windowSeconds).toString().substring(2).toLowerCase(),
            until));
  }
}
