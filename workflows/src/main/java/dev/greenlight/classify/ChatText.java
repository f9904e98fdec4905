package dev.greenlight.classify;

/** Shortens untrusted text before it goes into a verdict, a log line or an exception message. */
final class ChatText {

  private ChatText() {}

  /** Collapses control characters and runs of whitespace into single spaces. */
  static String oneLine(String s) {
    return s.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
  }

  /** Cuts {@code s} to at most {@code max} characters, ending with an ellipsis when cut. */
  static String abbreviate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
