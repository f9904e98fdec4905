package dev.greenlight.bot.slack;

/** Temporal could not do what the bot asked; nothing was started or decided. */
public final class TemporalUnreachable extends RuntimeException {
  private static final long serialVersionUID = 1L;

  TemporalUnreachable(RuntimeException cause) {
    super(cause.getMessage(), cause);
  }

  /** The kind of failure, short enough to show (the cause's class name, never its message). */
  public String error() {
    return getCause().getClass().getSimpleName();
  }
}
