package dev.greenlight.sandbox;

/**
 * A version counter that goes up whenever messages, ephemerals or modals change, so the browser
 * page (over Server-Sent Events) knows when to refetch the state. Thread-safe.
 */
final class ChangeFeed {

  private long version;
  private boolean closed;

  /** Records a change and wakes every waiter; never blocks for long. */
  synchronized void changed() {
    version++;
    notifyAll();
  }

  synchronized long version() {
    return version;
  }

  /**
   * Waits until the version differs from {@code seen}, the feed is closed, or the timeout passes.
   *
   * @return the current version
   */
  synchronized long awaitChange(long seen, long timeoutMillis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (version == seen && !closed) {
      long left = deadline - System.currentTimeMillis();
      if (left <= 0) {
        break;
      }
      wait(left);
    }
    return version;
  }

  synchronized boolean isClosed() {
    return closed;
  }

  /** Wakes all waiters for good (server shutdown). */
  synchronized void close() {
    closed = true;
    notifyAll();
  }
}
