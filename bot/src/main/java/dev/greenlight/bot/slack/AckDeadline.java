package dev.greenlight.bot.slack;

import io.grpc.Context;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Bounds a Temporal call on Slack's ack path. Slack waits 3 s for an ack; the Temporal SDK retries
 * an unreachable server for about a minute. The call runs under a gRPC deadline (which the SDK's
 * calls and retries respect) on a worker thread, and the caller waits no longer than the budget
 * plus a little, so a hung call can never hold the ack.
 */
final class AckDeadline {
  /** What a Temporal call on the ack path may take; Slack's own limit is 3 s. */
  static final Duration BUDGET = Duration.ofMillis(2000);

  private static final long GRACE_MILLIS = 150;

  private final Duration budget;
  private final java.util.function.BooleanSupplier connected;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(daemon("greenlight-deadline"));
  private final ExecutorService calls =
      Executors.newCachedThreadPool(daemon("greenlight-temporal"));

  /**
   * @param connected whether the connection to Temporal is up: a call cut off while it was not can
   *     not have reached the server (gRPC sends nothing before its transport is ready)
   */
  AckDeadline(Duration budget, java.util.function.BooleanSupplier connected) {
    this.budget = budget;
    this.connected = connected;
  }

  Duration budget() {
    return budget;
  }

  /** Thrown when the call did not answer within the budget. */
  static final class Exceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean reached;
    private final transient java.util.concurrent.CompletableFuture<?> stillRunning;

    Exceeded(Duration budget, boolean reached) {
      this(budget, reached, null);
    }

    Exceeded(Duration budget, boolean reached, java.util.concurrent.CompletableFuture<?> running) {
      super(
          "Temporal did not answer within "
              + budget.toMillis()
              + " ms"
              + (reached ? "" : " (not connected)"));
      this.reached = reached;
      this.stillRunning = running;
    }

    /** Whether the request may have reached Temporal: the connection was up. */
    boolean reached() {
      return reached;
    }

    /** The call, left running past the ack (see {@link #runOrContinue}); null when cancelled. */
    java.util.concurrent.CompletableFuture<?> stillRunning() {
      return stillRunning;
    }
  }

  /**
   * Runs {@code call}, waiting for it no longer than the budget. When it has not answered by then
   * while connected to Temporal, it is left running (up to {@code limit}) and the {@link Exceeded}
   * carries it, so the caller can tell the person later how it ended; when not connected, it is
   * cancelled: it cannot have reached Temporal, and never will.
   */
  <T> T runOrContinue(Callable<T> call, Duration limit) {
    Context.CancellableContext ctx =
        Context.current().withDeadlineAfter(limit.toMillis(), TimeUnit.MILLISECONDS, timer);
    java.util.concurrent.CompletableFuture<T> f = new java.util.concurrent.CompletableFuture<>();
    calls.execute(
        ctx.wrap(
            () -> {
              try {
                f.complete(call.call());
              } catch (Throwable t) {
                f.completeExceptionally(t);
              }
            }));
    f.whenComplete((v, t) -> ctx.cancel(null));
    try {
      return f.get(budget.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      Exceeded x = exceeded();
      if (!x.reached()) {
        ctx.cancel(null);
        throw x;
      }
      throw new Exceeded(budget, true, f);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ctx.cancel(null);
      throw exceeded();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /**
   * Runs {@code call} within the budget.
   *
   * @throws Exceeded when it did not answer in time (it is cancelled)
   * @throws RuntimeException whatever the call threw
   */
  <T> T run(Callable<T> call) {
    Context.CancellableContext ctx =
        Context.current().withDeadlineAfter(budget.toMillis(), TimeUnit.MILLISECONDS, timer);
    Future<T> f = calls.submit(ctx.wrap(call));
    try {
      return f.get(budget.toMillis() + GRACE_MILLIS, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      throw exceeded();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw exceeded();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw ctx.isCancelled() && deadlineHit(r) ? exceeded() : r;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      ctx.cancel(null);
    }
  }

  private Exceeded exceeded() {
    boolean up;
    try {
      up = connected.getAsBoolean();
    } catch (RuntimeException e) {
      up = true; // cannot tell: assume it may have arrived
    }
    return new Exceeded(budget, up);
  }

  /** Whether the failure is the deadline's own (DEADLINE_EXCEEDED or CANCELLED anywhere in it). */
  private static boolean deadlineHit(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof io.grpc.StatusRuntimeException s
          && (s.getStatus().getCode() == io.grpc.Status.Code.DEADLINE_EXCEEDED
              || s.getStatus().getCode() == io.grpc.Status.Code.CANCELLED)) {
        return true;
      }
    }
    return false;
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
