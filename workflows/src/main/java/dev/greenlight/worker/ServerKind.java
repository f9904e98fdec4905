package dev.greenlight.worker;

/**
 * What kind of Temporal server a {@link TemporalConnection} reaches, which decides whether workers
 * use sticky execution (a worker keeps a workflow cached and gets its next tasks on a queue of its
 * own, so a task does not replay the whole history).
 */
public enum ServerKind {
  /**
   * The SDK's test server started inside this process ({@code TEMPORAL_ADDRESS} unset, as in {@code
   * run}). The server, the worker and the bot die together, so a dead worker's sticky queue can
   * never strand a workflow: sticky execution is on.
   */
  EMBEDDED(true),

  /**
   * The SDK's test server in another process ({@code greenlight dev-server}). A worker can die
   * alone, and this server never moves a workflow task off a dead worker's sticky queue, so the
   * workflow would stay stuck: sticky execution is off.
   */
  DEV_SERVER(false),

  /**
   * A real Temporal cluster: after the sticky schedule-to-start timeout it hands a dead worker's
   * tasks to any worker, so sticky execution is on.
   */
  CLUSTER(true);

  private final boolean sticky;

  ServerKind(boolean sticky) {
    this.sticky = sticky;
  }

  /** Whether workers on this server use sticky execution. */
  public boolean stickyExecution() {
    return sticky;
  }
}
