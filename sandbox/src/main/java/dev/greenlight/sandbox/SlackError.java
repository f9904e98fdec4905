package dev.greenlight.sandbox;

/** A Slack Web API error code, rendered as {@code {"ok":false,"error":code}}. */
final class SlackError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  SlackError(String code) {
    super(code, null, false, false);
  }

  String code() {
    return getMessage();
  }
}
