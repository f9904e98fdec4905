package dev.greenlight.config;

import java.time.Duration;
import java.util.List;

/** The rules several config records share; each failure is an {@link Invalid} naming the key. */
final class Check {
  private Check() {}

  /** {@code value}, which must be present. */
  static <T> T present(String key, T value) {
    Invalid.require(value != null, key, " is required");
    return value;
  }

  /** {@code value}, which must be present and not blank. */
  static String text(String key, String value) {
    present(key, value);
    Invalid.require(!value.isBlank(), key, " must be a non-empty text");
    return value;
  }

  /** {@code value}, one of {@code allowed}. */
  static String oneOf(String key, String value, List<String> allowed) {
    Invalid.require(
        allowed.contains(text(key, value)),
        key,
        " must be one of " + String.join(", ", allowed) + " (got '" + value + "')");
    return value;
  }

  /** {@code value}, a whole number from {@code min} to {@code max}. */
  static int between(String key, int value, int min, int max) {
    Invalid.require(
        value >= min && value <= max,
        key,
        " must be a whole number from " + min + " to " + max + " (got '" + value + "')");
    return value;
  }

  /** {@code value}, a number from 0 to 1. */
  static double fraction(String key, double value) {
    Invalid.require(
        value >= 0 && value <= 1, key, " must be a number from 0 to 1 (got '" + value + "')");
    return value;
  }

  /** {@code value}, a positive duration of at most {@code max} (null: no limit). */
  static Duration duration(String key, Duration value, Duration max, String maxText) {
    present(key, value);
    Invalid.require(
        !value.isZero() && !value.isNegative(),
        key,
        " must be a positive duration (got " + value + ")");
    Invalid.require(
        max == null || value.compareTo(max) <= 0,
        key,
        " must be at most " + maxText + " (got " + value + ")");
    return value;
  }

  /** {@code value}, a template using only the allowed placeholders. */
  static String template(String key, String value) {
    String bad = Template.unknownPlaceholder(value);
    Invalid.require(
        bad == null, key, ": unknown placeholder " + bad + " (allowed: {service}, {incident})");
    return value;
  }

  /** {@code value}, a required http(s) URL template. */
  static String httpUrl(String key, String value) {
    template(key, text(key, value));
    Invalid.require(
        value.startsWith("http://") || value.startsWith("https://"),
        key,
        " must start with http:// or https:// (got '" + value + "')");
    return value;
  }
}
