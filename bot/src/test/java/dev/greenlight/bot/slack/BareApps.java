package dev.greenlight.bot.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import dev.greenlight.sandbox.SlackServer;

/** A Bolt app with no Greenlight listeners, talking to the sandbox: for Socket Mode tests. */
final class BareApps {
  private BareApps() {}

  /** An app with the sandbox's bot token and Web API, and nothing registered yet. */
  static App against(SlackServer slack) {
    return new App(
        AppConfig.builder()
            .singleTeamBotToken(slack.botToken())
            .slack(GreenlightApp.slack(slack.apiUrl()))
            .build());
  }
}
