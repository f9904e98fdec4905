package dev.greenlight.classify;

import java.time.Duration;

/** A classifier could not give a valid answer. The message never contains credentials. */
public final class ClassifierException extends Exception {
  /** What went wrong. */
  public enum Kind {
    TIMEOUT,
    NETWORK,
    RATE_LIMITED,
    SERVER_ERROR,
    CLIENT_ERROR,
    MALFORMED,
    LABEL_OUTSIDE_CATALOG,
    CONFIDENCE_OUT_OF_RANGE,
    EMPTY,
    REFUSED
  }

  private final Kind kind;
  private final boolean retryable;
  private final Duration retryAfter;

  public ClassifierException(Kind kind, boolean retryable, Duration retryAfter, String message) {
    super(kind.name().toLowerCase(java.util.Locale.ROOT) + ": " + message);
    this.kind = kind;
    this.retryable = retryable;
    this.retryAfter = retryAfter;
  }

  public ClassifierException(Kind kind, String message) {
    this(kind, false, null, message);
  }

  public Kind kind() {
    return kind;
  }

  public boolean retryable() {
    return retryable;
  }

  /** What the server asked us to wait (Retry-After), or null. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
