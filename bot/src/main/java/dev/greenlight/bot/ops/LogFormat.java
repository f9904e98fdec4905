package dev.greenlight.bot.ops;

import java.util.Locale;
import java.util.Map;

/** How log lines are written: {@code text} (the default) or {@code json}, one object a line. */
public enum LogFormat {
  TEXT,
  JSON;

  public static final String VARIABLE = "GREENLIGHT_LOG_FORMAT";

  /** The format {@value #VARIABLE} names; unset or empty is text. */
  public static LogFormat fromEnv(Map<String, String> env) {
    return parse(env.getOrDefault(VARIABLE, ""));
  }

  /** {@code text} or {@code json}, any case; anything else is refused, naming the variable. */
  public static LogFormat parse(String value) {
    String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    return switch (v) {
      case "", "text" -> TEXT;
      case "json" -> JSON;
      default ->
          throw new IllegalArgumentException(
              VARIABLE + " must be text or json (got '" + value.trim() + "')");
    };
  }
}
