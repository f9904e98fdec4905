package dev.greenlight.bot.slack;

/**
 * Makes untrusted text (a reporter's words, an error message) harmless in Slack: no mentions
 * ({@code <!channel>}, {@code <!here>}, {@code <@U…>}), no links, no markdown.
 */
public final class SlackText {
  private SlackText() {}

  /**
   * Escapes Slack's control characters, so {@code <!channel>} and {@code <@U123>} show as text, and
   * breaks markdown markers with a zero-width joiner-free lookalike so nothing turns bold.
   */
  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '*' -> out.append('\u2217'); // asterisk operator
        case '_' -> out.append('\uFF3F'); // fullwidth low line
        case '~' -> out.append('\u223C'); // tilde operator
        case '`' -> out.append('\u02CB'); // modifier grave accent
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** What a cut text ends with, so nobody mistakes it for the whole. */
  public static final String TRUNCATED = "…(truncated)";

  /** Slack's limit on a section's text, in characters as sent (after escaping). */
  public static final int SECTION_TEXT = 3000;

  /** Slack's limit on one section field. */
  public static final int SECTION_FIELD = 2000;

  /** Slack's limit on a header's plain text. */
  public static final int HEADER_TEXT = 150;

  /** Slack's limit on a confirmation dialog's text. */
  public static final int CONFIRM_TEXT = 300;

  /** Slack's limit on a context element's text. */
  public static final int CONTEXT_TEXT = 2000;

  /**
   * {@code sent} (already escaped: what Slack will count) cut to at most {@code max} characters,
   * ending with {@link #TRUNCATED} when it was cut. A cut never splits an escape like {@code &amp;}
   * or a surrogate pair.
   */
  public static String fit(String sent, int max) {
    if (sent == null || sent.length() <= max) {
      return sent;
    }
    if (max <= TRUNCATED.length()) {
      return sent.substring(0, Math.max(0, max));
    }
    int end = max - TRUNCATED.length();
    int amp = sent.lastIndexOf('&', end - 1);
    if (amp >= 0 && sent.indexOf(';', amp) >= end) {
      end = amp;
    }
    if (end > 0 && Character.isHighSurrogate(sent.charAt(end - 1))) {
      end--;
    }
    return sent.substring(0, end) + TRUNCATED;
  }

  /** Untrusted text as a quoted, escaped block, fitted to {@code max} characters as sent. */
  public static String quote(String text, int max) {
    String t = text == null ? "" : text.strip();
    return fit("> " + escape(t).replace("\n", "\n> "), max);
  }

  /**
   * A mention of a Slack user ({@code U…}/{@code W…}) or user group ({@code S…}) ID that Greenlight
   * itself validated (config, payload user); anything else is not mentioned.
   */
  public static String mention(String id) {
    if (id == null) {
      return "someone";
    }
    if (id.matches("[UW][A-Z0-9]+")) {
      return "<@" + id + ">";
    }
    return id.matches("S[A-Z0-9]+") ? "<!subteam^" + id + ">" : "someone";
  }

  /** Mentions, comma-separated. */
  public static String mentions(java.util.List<String> ids) {
    return String.join(", ", ids.stream().map(SlackText::mention).toList());
  }

  /** Untrusted or technical text as inline code: no mentions, no links, no formatting. */
  public static String code(String text) {
    String t =
        text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    return "`" + t.replace('`', '\u02CB').replace("\n", " ") + "`";
  }
}
