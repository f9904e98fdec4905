package dev.greenlight.config;

/**
 * A value a config record refuses, naming the key relative to the record being built. The loader
 * puts the record's place in the file in front, so {@code interval} refused by the second runbook's
 * probe reads {@code runbooks[1].verify.interval}. A record built in code names the bare key.
 */
final class Invalid extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String key;
  private final String detail;
  private final String otherKey;

  /**
   * A refusal of {@code key} (empty: the value being read itself); {@code detail} follows the key,
   * e.g. {@code " is required"} or {@code ": 'x' is not a Slack user ID"}.
   */
  Invalid(String key, String detail) {
    this(key, detail, null);
  }

  /** A refusal whose message ends with a second key of the same record. */
  Invalid(String key, String detail, String otherKey) {
    super(message("", key, detail, otherKey));
    this.key = key;
    this.detail = detail;
    this.otherKey = otherKey;
  }

  /** The message, every key placed under {@code path} (empty: the top of the file). */
  String render(String path) {
    return message(path, key, detail, otherKey);
  }

  /** The same refusal with its keys moved under {@code prefix}. */
  Invalid under(String prefix) {
    return new Invalid(join(prefix, key), detail, otherKey == null ? null : join(prefix, otherKey));
  }

  /** Fails with {@code key} and {@code detail} unless {@code ok}. */
  static void require(boolean ok, String key, String detail) {
    if (!ok) {
      throw new Invalid(key, detail);
    }
  }

  /** A key path: {@code runbooks[0]} and {@code url} make {@code runbooks[0].url}. */
  static String join(String path, String key) {
    if (path.isEmpty()) {
      return key;
    }
    if (key.isEmpty() || key.startsWith("[")) {
      return path + key;
    }
    return path + "." + key;
  }

  private static String message(String path, String key, String detail, String otherKey) {
    String subject = join(path, key);
    String message = (subject.isEmpty() ? "the file" : subject) + detail;
    return otherKey == null ? message : message + join(path, otherKey);
  }
}
