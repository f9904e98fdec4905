package dev.greenlight.bot.alerts;

/** A webhook body Greenlight refuses (400), with the reason naming the field; nothing started. */
final class BadPayload extends Exception {
  private static final long serialVersionUID = 1L;

  BadPayload(String reason) {
    super(reason);
  }

  /** A value quoted in a reason, cut short: the sender gets it back, nobody else. */
  static String quote(Object value) {
    String s = String.valueOf(value);
    return "'" + (s.length() > 80 ? s.substring(0, 80) + "…" : s) + "'";
  }
}
