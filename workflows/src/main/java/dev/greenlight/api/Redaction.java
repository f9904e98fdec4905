package dev.greenlight.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides what a URL may carry as a secret before the URL is shown or logged: the user-info ({@code
 * user:password@}) and every query value ({@code ?token=…}). The scheme, host, path and query names
 * stay, so a person still sees where an action goes.
 */
public final class Redaction {
  /** What stands where a secret was. */
  public static final String HIDDEN = "…";

  private static final Pattern URL =
      Pattern.compile(
          "(https?://)([^/@\\s?#]*@)?([^\\s?#]*)(\\?[^\\s#]*[^\\s#.,;:)])?",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern QUERY_VALUE = Pattern.compile("=([^&]*)");

  private Redaction() {}

  /** {@code text} with the user-info and query values of every http(s) URL in it hidden. */
  public static String urls(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = URL.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (m.find()) {
      String userInfo = m.group(2) == null ? "" : HIDDEN + "@";
      String query =
          m.group(4) == null ? "" : QUERY_VALUE.matcher(m.group(4)).replaceAll("=" + HIDDEN);
      m.appendReplacement(
          out, Matcher.quoteReplacement(m.group(1) + userInfo + m.group(3) + query));
    }
    m.appendTail(out);
    return out.toString();
  }
}
