package dev.greenlight.bot.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What this process needs before it can do its job, as named checks: the first that fails says why
 * {@code /readyz} answers 503. Checks are added as the parts start.
 */
public final class Readiness {
  /** One condition: empty when it holds, otherwise why not in one line. */
  @FunctionalInterface
  public interface Check extends Supplier<Optional<String>> {}

  private final List<Check> checks = new ArrayList<>();
  private volatile boolean started;

  /** Adds a check; all of them must hold. */
  public synchronized Readiness add(Check check) {
    checks.add(check);
    return this;
  }

  /** Marks the start complete: until then the process is not ready, whatever the checks say. */
  public void started() {
    started = true;
  }

  /** Empty when ready; otherwise the first reason it is not. */
  public Optional<String> problem() {
    if (!started) {
      return Optional.of("starting");
    }
    List<Check> now;
    synchronized (this) {
      now = List.copyOf(checks);
    }
    for (Check c : now) {
      Optional<String> reason;
      try {
        reason = c.get();
      } catch (RuntimeException e) {
        reason = Optional.of("check failed: " + e.getClass().getSimpleName());
      }
      if (reason.isPresent()) {
        return reason;
      }
    }
    return Optional.empty();
  }
}
