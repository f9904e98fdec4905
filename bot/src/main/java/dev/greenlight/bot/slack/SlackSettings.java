package dev.greenlight.bot.slack;

import java.util.Map;

/**
 * Slack connection settings from the environment. Tokens are checked for shape and never printed.
 *
 * @param apiUrl Web API base URL, ending in '/'
 */
public record SlackSettings(String botToken, String appToken, String apiUrl) {
  public static final String DEFAULT_API_URL = "https://slack.com/api/";

  @Override
  public String toString() {
    return "SlackSettings[botToken=***, appToken=***, apiUrl=" + apiUrl + "]";
  }

  /** Reads the settings; {@code needAppToken} is false for a worker, which never opens a socket. */
  public static SlackSettings fromEnv(Map<String, String> env, boolean needAppToken) {
    String bot = env.getOrDefault("SLACK_BOT_TOKEN", "").strip();
    if (bot.isEmpty()) {
      throw new IllegalArgumentException(
          "SLACK_BOT_TOKEN is not set (the bot token, xoxb-…; see docs/configuration.md)");
    }
    if (!bot.startsWith("xoxb-")) {
      throw new IllegalArgumentException("SLACK_BOT_TOKEN must be a bot token starting with xoxb-");
    }
    String app = env.getOrDefault("SLACK_APP_TOKEN", "").strip();
    if (needAppToken && app.isEmpty()) {
      throw new IllegalArgumentException(
          "SLACK_APP_TOKEN is not set (the app-level token, xapp-…, with connections:write)");
    }
    if (needAppToken && !app.startsWith("xapp-")) {
      throw new IllegalArgumentException(
          "SLACK_APP_TOKEN must be an app-level token starting with xapp-");
    }
    String url = env.getOrDefault("SLACK_API_URL", "").strip();
    if (url.isEmpty()) {
      url = DEFAULT_API_URL;
    }
    if (!url.startsWith("https://") && !url.startsWith("http://")) {
      throw new IllegalArgumentException(
          "SLACK_API_URL must start with https:// or http:// (got '" + url + "')");
    }
    return new SlackSettings(bot, app, url.endsWith("/") ? url : url + "/");
  }
}
