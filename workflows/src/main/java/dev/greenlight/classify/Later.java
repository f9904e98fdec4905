package dev.greenlight.classify;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A value built on a daemon thread after start (the embedded reference, the labelled incidents), so
 * the worker polls seconds sooner; the first reader waits for it, and a failure reaches every
 * reader as it was thrown.
 */
final class Later<T> {
  private final CompletableFuture<T> future;

  private Later(CompletableFuture<T> future) {
    this.future = future;
  }

  /** Starts building the value on a new daemon thread of this name. */
  static <T> Later<T> start(String thread, Supplier<T> work) {
    return new Later<>(
        CompletableFuture.supplyAsync(
            work,
            runnable -> {
              Thread t = new Thread(runnable, thread);
              t.setDaemon(true);
              t.start();
            }));
  }

  /** A value there is nothing to build for. */
  static <T> Later<T> now(T value) {
    return new Later<>(CompletableFuture.completedFuture(value));
  }

  /** The value made from this one, on the same thread, once this one is there. */
  <R> Later<R> then(Function<T, R> f) {
    return new Later<>(future.thenApply(f));
  }

  /** The value, waiting for it if need be. */
  T get() {
    try {
      return future.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }
}
