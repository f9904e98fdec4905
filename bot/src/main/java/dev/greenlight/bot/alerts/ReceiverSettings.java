package dev.greenlight.bot.alerts;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

/**
 * Where the alert receiver listens and what it accepts, from the environment: {@value
 * #PORT_VARIABLE} (default {@value #DEFAULT_PORT}; 0 picks a free port) on {@value #BIND_VARIABLE}
 * (default {@value #DEFAULT_BIND}), the bearer token in {@value #TOKEN_VARIABLE} (required, at
 * least {@value #MIN_TOKEN} characters) and the largest body in {@value #MAX_BYTES_VARIABLE}.
 *
 * @param token never logged or shown: {@link #toString} leaves it out
 */
public record ReceiverSettings(String bind, int port, String token, int maxBytes) {
  public static final String PORT_VARIABLE = "GREENLIGHT_ALERTS_PORT";
  public static final String BIND_VARIABLE = "GREENLIGHT_ALERTS_BIND";
  public static final String TOKEN_VARIABLE = "GREENLIGHT_ALERTS_TOKEN";
  public static final String MAX_BYTES_VARIABLE = "GREENLIGHT_ALERTS_MAX_BYTES";
  public static final int DEFAULT_PORT = 9466;
  public static final String DEFAULT_BIND = "127.0.0.1";
  public static final int DEFAULT_MAX_BYTES = 1024 * 1024;
  public static final int MIN_TOKEN = 16;

  public ReceiverSettings {
    if (bind == null || bind.isBlank()) {
      throw new IllegalArgumentException(BIND_VARIABLE + " must not be empty");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(
          PORT_VARIABLE + " must be from 0 to 65535 (got " + port + ")");
    }
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException(
          TOKEN_VARIABLE
              + " is not set: the config has an alerts section, and the alert receiver accepts"
              + " only requests with this bearer token (Alertmanager's http_config.authorization)");
    }
    if (token.length() < MIN_TOKEN || token.chars().anyMatch(c -> c <= ' ' || c > '~')) {
      throw new IllegalArgumentException(
          TOKEN_VARIABLE
              + " must be at least "
              + MIN_TOKEN
              + " printable ASCII characters without spaces (it has "
              + token.length()
              + ")");
    }
    if (maxBytes < 1024 || maxBytes > 64 * 1024 * 1024) {
      throw new IllegalArgumentException(
          MAX_BYTES_VARIABLE + " must be from 1024 to 67108864 bytes (got " + maxBytes + ")");
    }
  }

  /** Reads the four variables; a bad value is refused, naming its variable. */
  public static ReceiverSettings fromEnv(Map<String, String> env) {
    String bind = env.getOrDefault(BIND_VARIABLE, "").trim();
    return new ReceiverSettings(
        bind.isEmpty() ? DEFAULT_BIND : bind,
        number(env, PORT_VARIABLE, DEFAULT_PORT),
        env.getOrDefault(TOKEN_VARIABLE, "").trim(),
        number(env, MAX_BYTES_VARIABLE, DEFAULT_MAX_BYTES));
  }

  private static int number(Map<String, String> env, String variable, int fallback) {
    String v = env.getOrDefault(variable, "").trim();
    try {
      return v.isEmpty() ? fallback : Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(variable + " must be a whole number (got '" + v + "')", e);
    }
  }

  /** Whether {@link #bind} is a loopback address. */
  public boolean isLoopback() {
    try {
      return InetAddress.getByName(bind).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return "ReceiverSettings[bind=" + bind + ", port=" + port + ", maxBytes=" + maxBytes + "]";
  }
}
