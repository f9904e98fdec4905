package dev.greenlight.bot.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import dev.greenlight.api.Decision;
import dev.greenlight.config.GreenlightConfig;
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

  public static App create(
      SlackSettings settings, GreenlightConfig config, WorkflowClient temporal) {
    App app =
        new App(
            AppConfig.builder()
                .singleTeamBotToken(settings.botToken())
                .slack(slack(settings.apiUrl()))
                .build());
    GateClient gates = new GateClient(temporal);
    app.command(Ids.COMMAND, new RemediateCommand(config, temporal));
    app.blockAction(Ids.APPROVE_ACTION, new GateButtons(gates, Decision.Verdict.APPROVE, 0));
    app.blockAction(Ids.SNOOZE_30_ACTION, new GateButtons(gates, Decision.Verdict.SNOOZE, 30));
    app.blockAction(Ids.SNOOZE_120_ACTION, new GateButtons(gates, Decision.Verdict.SNOOZE, 120));
    app.blockAction(Ids.REJECT_ACTION, new RejectButton(gates));
    app.viewSubmission(Ids.REJECT_MODAL, new RejectModal(gates));
    app.blockAction(Ids.PICK_ACTION, new PickActions(gates, false));
    app.blockAction(Ids.CLOSE_ACTION, new PickActions(gates, true));
    return app;
  }
}
