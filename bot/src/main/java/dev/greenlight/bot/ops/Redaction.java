package dev.greenlight.bot.ops;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Takes secrets out of log text: anything shaped like a Slack token ({@code xoxb-…}, {@code
 * xapp-…}), a WebSocket ticket or token in a URL, a bearer credential, and the literal values of
 * the secret variables this process was started with ({@link #SECRET_VARIABLES}), whatever their
 * shape. Every log line goes through it, text or JSON.
 */
public final class Redaction {
  /** What a secret becomes. */
  public static final String REDACTED = "[redacted]";

  /** Environment variables whose values are secrets. */
  public static final Set<String> SECRET_VARIABLES =
      Set.of("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "TEMPORAL_API_KEY", "GREENLIGHT_LLM_API_KEY");

  /** Shorter values are too likely to be ordinary words to be replaced everywhere. */
  static final int MIN_LITERAL = 8;

  private static final Pattern SLACK_TOKEN = Pattern.compile("\\bx(?:ox[a-z]|app)-[A-Za-z0-9-]+");
  private static final Pattern URL_SECRET =
      Pattern.compile("(?i)([?&](?:ticket|token|access_token|key)=)[^&\\s\"']+");
  private static final Pattern BEARER = Pattern.compile("(?i)(Bearer\\s+)[A-Za-z0-9._~+/=-]+");

  private static final Set<String> literals = ConcurrentHashMap.newKeySet();

  private Redaction() {}

  /** Remembers the values of {@link #SECRET_VARIABLES} in {@code env} (and {@code more} names). */
  public static void rememberSecrets(Map<String, String> env, String... more) {
    for (String name : SECRET_VARIABLES) {
      remember(env.get(name));
    }
    for (String name : more) {
      if (name != null) {
        remember(env.get(name));
      }
    }
  }

  /** Remembers one secret value; short or empty values are ignored. */
  public static void remember(String secret) {
    if (secret != null && secret.strip().length() >= MIN_LITERAL) {
      literals.add(secret.strip());
    }
  }

  /** {@code text} with every secret replaced by {@value #REDACTED}. */
  public static String redact(String text) {
    String out = text;
    for (String secret : literals) {
      if (out.contains(secret)) {
        out = out.replace(secret, REDACTED);
      }
    }
    if (out.indexOf('x') >= 0) {
      out = SLACK_TOKEN.matcher(out).replaceAll(REDACTED);
    }
    if (out.indexOf('=') >= 0) {
      out = URL_SECRET.matcher(out).replaceAll("$1" + REDACTED);
    }
    return BEARER.matcher(out).replaceAll("$1" + REDACTED);
  }
}
