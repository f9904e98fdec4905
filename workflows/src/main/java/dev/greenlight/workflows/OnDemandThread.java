package dev.greenlight.workflows;

import io.temporal.workflow.Async;
import io.temporal.workflow.Functions;

/**
 * A workflow thread that exists only while it has work: the signal that queues some starts it if it
 * is not running, and it ends when its drain returns (see {@link Helpers}).
 */
final class OnDemandThread {
  private final Functions.Proc drain;
  private boolean running;

  OnDemandThread(Functions.Proc drain) {
    this.drain = drain;
  }

  /** Starts the drain on a new workflow thread, unless one is already draining. */
  void wake() {
    if (running) {
      return;
    }
    running = true;
    Async.procedure(
        () -> {
          try {
            drain.apply();
          } finally {
            running = false;
          }
        });
  }
}
