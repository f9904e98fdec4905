package dev.greenlight.action;

/**
 * An action or verification that did not succeed, classified by whether a retry can help. The
 * activities turn it into a Temporal failure of the matching type; executors never build Temporal
 * failures themselves.
 *
 * <p>The message is shown in the incident thread and the audit: it names the runbook and what the
 * target answered, never a URL with its query, a token or model text.
 */
public final class ActionFailure extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why the action failed; each reason maps to one failure type of the activities. */
  public enum Reason {
    /** The target refused (e.g. HTTP 4xx): permanent, a retry would be refused too. */
    REFUSED(false),
    /** The target failed (e.g. HTTP 5xx): retryable, the idempotency key makes a repeat safe. */
    TARGET_ERROR(true),
    /** The target could not be reached or did not answer in time: retryable. */
    UNREACHABLE(true);

    private final boolean retryable;

    Reason(boolean retryable) {
      this.retryable = retryable;
    }
  }

  private final Reason reason;

  private ActionFailure(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  /** The target refused; retrying cannot help. */
  public static ActionFailure permanent(String message) {
    return new ActionFailure(Reason.REFUSED, message, null);
  }

  /** The target answered with an error that a retry may not see. */
  public static ActionFailure retryable(String message) {
    return new ActionFailure(Reason.TARGET_ERROR, message, null);
  }

  /** The target could not be reached (I/O error, timeout); retryable. */
  public static ActionFailure unreachable(String message, Throwable cause) {
    return new ActionFailure(Reason.UNREACHABLE, message, cause);
  }

  public Reason reason() {
    return reason;
  }

  /** Whether Temporal may try again. */
  public boolean retryable() {
    return reason.retryable;
  }

  public boolean permanent() {
    return !reason.retryable;
  }
}
