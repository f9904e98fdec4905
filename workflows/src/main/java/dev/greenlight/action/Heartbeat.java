package dev.greenlight.action;

/**
 * Tells Temporal that a long action or verification is still alive. The activities forward each
 * beat to {@code Activity.getExecutionContext().heartbeat}; a beat may throw when the activity was
 * cancelled, and an executor lets that propagate.
 */
@FunctionalInterface
public interface Heartbeat {
  /** A heartbeat that goes nowhere, for callers outside an activity. */
  Heartbeat NONE = progress -> {};

  /**
   * Records progress.
   *
   * @param progress a short line written by the executor, e.g. {@code probe attempt 3}; never a
   *     URL, token or model text
   */
  void beat(String progress);
}
