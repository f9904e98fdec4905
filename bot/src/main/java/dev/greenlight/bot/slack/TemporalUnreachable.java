package dev.greenlight.bot.slack;

import io.grpc.StatusRuntimeException;

/**
 * Temporal could not do what the bot asked. Either it could not be reached (nothing was started or
 * decided), or it did not answer within the ack's budget ({@link #inDoubt()}: the request may have
 * reached it).
 */
public final class TemporalUnreachable extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final boolean inDoubt;
  private final transient java.util.concurrent.CompletableFuture<Boolean> late;

  TemporalUnreachable(RuntimeException cause) {
    this(cause, null);
  }

  /**
   * @param late the request, still running past the ack: true when it went through, false when not;
   *     null when it is not running
   */
  TemporalUnreachable(
      RuntimeException cause, java.util.concurrent.CompletableFuture<Boolean> late) {
    super(cause.getMessage(), cause);
    this.inDoubt = cause instanceof AckDeadline.Exceeded x && x.reached();
    this.late = late;
  }

  /** Whether Temporal may have received the request: it did not answer in time. */
  boolean inDoubt() {
    return inDoubt;
  }

  /**
   * The request, still running past the ack when Temporal was connected but slow (true once it went
   * through, false if it did not); else empty.
   */
  java.util.Optional<java.util.concurrent.CompletableFuture<Boolean>> stillRunning() {
    return java.util.Optional.ofNullable(late);
  }

  /** What {@code /remediate} answers while a slow start is still under way. */
  static String startPending(String incidentId) {
    return ":hourglass: Temporal is slow to answer: Incident "
        + incidentId
        + " is still being started. You will be told here when it has.";
  }

  /**
   * The kind of failure, short enough to show: the gRPC status (UNAVAILABLE, …), "no answer in
   * time", or the cause's class name; never its message.
   */
  public String error() {
    if (getCause() instanceof AckDeadline.Exceeded) {
      return (inDoubt ? "no answer within " : "not connected within ")
          + AckDeadline.BUDGET.toMillis() / 1000.0
          + " s";
    }
    for (Throwable c = getCause(); c != null; c = c.getCause()) {
      if (c instanceof StatusRuntimeException s) {
        return s.getStatus().getCode().name();
      }
    }
    return getCause().getClass().getSimpleName();
  }

  /** What {@code /remediate} answers when the incident {@code incidentId} could not be started. */
  String startAnswer(String incidentId) {
    if (inDoubt) {
      return ":warning: Temporal did not answer in time ("
          + error()
          + "), so incident "
          + incidentId
          + " may or may not have started. `/remediate audit "
          + incidentId
          + "` shows whether it did; if it did not, run the command again.";
    }
    return ":warning: Greenlight cannot reach Temporal ("
        + error()
        + "); nothing was started. Please run the command again in a moment.";
  }
}
