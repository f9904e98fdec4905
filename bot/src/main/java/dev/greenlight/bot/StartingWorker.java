package dev.greenlight.bot;

import dev.greenlight.worker.GreenlightWorker;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The worker starting on a thread of its own, so that in {@code run} the bot connects to Slack
 * while the worker loads the model: the cold start is the longer of the two, not their sum. A
 * command that arrives before the worker polls starts its workflow, which waits in Temporal.
 * Closing waits for the start to end, then stops the worker it started (if it started).
 */
final class StartingWorker implements AutoCloseable {
  private final FutureTask<GreenlightWorker> task;

  private StartingWorker(FutureTask<GreenlightWorker> task) {
    this.task = task;
  }

  static StartingWorker start(Callable<GreenlightWorker> start) {
    FutureTask<GreenlightWorker> task = new FutureTask<>(start);
    Thread thread = new Thread(task, "greenlight-worker-start");
    thread.setDaemon(true);
    thread.start();
    return new StartingWorker(task);
  }

  /** The started worker; the start's own failure, as it was thrown, when it failed. */
  GreenlightWorker await() throws Exception {
    try {
      return task.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  @Override
  public void close() throws InterruptedException {
    GreenlightWorker worker;
    try {
      worker = task.get();
    } catch (ExecutionException e) {
      return; // It never started: nothing to stop, and its failure was reported by await().
    }
    worker.close();
  }
}
