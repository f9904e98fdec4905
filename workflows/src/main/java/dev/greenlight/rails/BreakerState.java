package dev.greenlight.rails;

import java.util.ArrayList;
import java.util.List;

/**
 * One breaker's memory: the failed verifications it was told of, and its last reset.
 *
 * @param failures the failures, oldest first (at most {@link #KEPT})
 * @param resetAtMillis failures at or before it no longer count; 0 when never reset
 * @param resetBy who reset it last, or null
 */
public record BreakerState(List<Failure> failures, long resetAtMillis, String resetBy) {
  /** How many failures a breaker keeps; older ones are forgotten. */
  static final int KEPT = 100;

  public static final BreakerState EMPTY = new BreakerState(List.of(), 0, null);

  public BreakerState {
    failures = failures == null ? List.of() : List.copyOf(failures);
  }

  /** One failed verification. */
  public record Failure(String incidentId, long atMillis) {}

  /** With one more failure; a failure already recorded for that incident counts once. */
  BreakerState withFailure(Failure f) {
    if (failures.stream().anyMatch(x -> x.incidentId().equals(f.incidentId()))) {
      return this;
    }
    List<Failure> next = new ArrayList<>(failures);
    next.add(f);
    while (next.size() > KEPT) {
      next.remove(0);
    }
    return new BreakerState(next, resetAtMillis, resetBy);
  }

  /** This state followed by what {@code later} recorded. */
  BreakerState then(BreakerState later) {
    BreakerState out = this;
    for (Failure f : later.failures()) {
      out = out.withFailure(f);
    }
    return later.resetBy() == null ? out : out.reset(later.resetBy(), later.resetAtMillis());
  }

  BreakerState reset(String userId, long atMillis) {
    return new BreakerState(failures, Math.max(resetAtMillis, atMillis), userId);
  }
}
