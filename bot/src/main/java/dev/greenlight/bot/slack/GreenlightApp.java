package dev.greenlight.bot.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import dev.greenlight.config.GreenlightConfig;
import dev.greenlight.workflows.Decision;
import io.temporal.client.WorkflowClient;

/** Builds the Bolt app and registers one listener per interaction. */
public final class GreenlightApp {
  private GreenlightApp() {}

  /** A Slack SDK instance whose Web API calls go to {@code apiUrl}. */
  public static Slack slack(String apiUrl) {
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(apiUrl);
    config.setPrettyResponseLoggingEnabled(false);
    return Slack.getInstance(config);
  }

  public static App create(SlackSettings settings, GreenlightConfig config, WorkflowClient temporal) {
    App app = new App(AppConfig.builder()
        .singleTeamBotToken(settings.botToken())
        .slack(slack(settings.apiUrl()))
        .build());
    app.command(Ids.COMMAND, new RemediateCommand(config, temporal));
    app.blockAction(Ids.APPROVE_ACTION, new GateButtons(config, temporal, Decision.Verdict.APPROVE));
    app.blockAction(Ids.REJECT_ACTION, new GateButtons(config, temporal, Decision.Verdict.REJECT));
    return app;
  }
}
