package dev.greenlight.bot.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.util.http.SlackHttpClient;
import dev.greenlight.api.Decision;
import dev.greenlight.config.GreenlightConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.util.List;

/** Builds the Bolt app and registers one listener per interaction. */
public final class GreenlightApp {
  private GreenlightApp() {}

  /** A Slack SDK instance whose Web API calls go to {@code apiUrl}. */
  public static Slack slack(String apiUrl) {
    return Slack.getInstance(config(apiUrl));
  }

  /**
   * The SDK's settings: calls to {@code apiUrl}, no response pretty-printing, and none of the SDK's
   * own call statistics (an in-memory table of the last minute's calls, rescanned on every call;
   * only its async client's rate limiter reads it, and Greenlight counts its calls with
   * Micrometer).
   */
  static SlackConfig config(String apiUrl) {
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(apiUrl);
    config.setPrettyResponseLoggingEnabled(false);
    config.setStatsEnabled(false);
    return config;
  }

  /**
   * The client the worker's notifications use: the same, except that OkHttp never re-sends a POST
   * by itself after a connection failure. Its silent retry of a post whose reply was lost would
   * post a second card or reply that nothing knows of; surfaced, the failure is retried by the
   * activity, which first looks for the earlier post ({@link SlackNotifier}).
   */
  public static Slack notificationSlack(String apiUrl) {
    SlackConfig config = config(apiUrl);
    okhttp3.OkHttpClient http =
        SlackHttpClient.buildOkHttpClient(config)
            .newBuilder()
            .retryOnConnectionFailure(false)
            .build();
    SlackHttpClient client = new SlackHttpClient(http);
    client.setConfig(config);
    return Slack.getInstance(config, client);
  }

  /** The bot: Slack's side of every incident, which {@code incidents} keeps in Temporal. */
  public static App create(
      SlackSettings settings, GreenlightConfig config, IncidentClient incidents) {
    return create(settings, config, (Incidents) incidents);
  }

  /**
   * The bot, with its acks, starts and refused clicks counted into {@code meters} and the
   * incident's IDs in the logging context of its handlers.
   */
  public static App create(
      SlackSettings settings,
      GreenlightConfig config,
      IncidentClient incidents,
      MeterRegistry meters) {
    return create(settings, config, (Incidents) incidents, meters);
  }

  /** The bot in front of any {@link Incidents}, such as a test's fake. */
  static App create(SlackSettings settings, GreenlightConfig config, Incidents incidents) {
    // An empty composite registry: every meter is a no-op.
    return create(settings, config, incidents, new CompositeMeterRegistry());
  }

  static App create(
      SlackSettings settings, GreenlightConfig config, Incidents observed, MeterRegistry meters) {
    Incidents incidents = new ObservedIncidents(observed, meters);
    App app =
        new App(
            AppConfig.builder()
                .singleTeamBotToken(settings.botToken())
                .slack(slack(settings.apiUrl()))
                .build());
    app.use(new OwnWorkspaceOnly());
    app.use(new AckTimer(meters));
    ClickPipeline clicks = new ClickPipeline(incidents, ConfigApprovers.of(config));
    CardLinks links = new CardLinks();
    app.command(Ids.COMMAND, new RemediateCommand(config, incidents, links));
    app.event(AppHomeOpenedEvent.class, new AppHome(incidents, links));
    app.blockAction(
        Ids.RESET_BREAKER_ACTION, new BreakerResetButton(incidents, ConfigApprovers.of(config)));
    app.blockAction(Ids.APPROVE_ACTION, new GateButtons(clicks, Decision.Verdict.APPROVE, 0));
    app.blockAction(Ids.SNOOZE_30_ACTION, new GateButtons(clicks, Decision.Verdict.SNOOZE, 30));
    app.blockAction(Ids.SNOOZE_120_ACTION, new GateButtons(clicks, Decision.Verdict.SNOOZE, 120));
    app.blockAction(UndoView.ACTION, new GateButtons(clicks, Decision.Verdict.APPROVE, 0));
    app.blockAction(Ids.REJECT_ACTION, new RejectButton(clicks));
    app.viewSubmission(Ids.REJECT_MODAL, new RejectModal(clicks));
    app.blockAction(Ids.PICK_ACTION, new PickActions(clicks, false));
    app.blockAction(Ids.CLOSE_ACTION, new PickActions(clicks, true));
    app.blockAction(
        UnknownInteractions.allBut(
            List.of(
                Ids.APPROVE_ACTION,
                Ids.SNOOZE_30_ACTION,
                Ids.SNOOZE_120_ACTION,
                Ids.REJECT_ACTION,
                Ids.PICK_ACTION,
                Ids.CLOSE_ACTION,
                Ids.RESET_BREAKER_ACTION,
                UndoView.ACTION)),
        UnknownInteractions.action());
    app.viewSubmission(
        UnknownInteractions.allBut(List.of(Ids.REJECT_MODAL)), UnknownInteractions.form());
    return app;
  }
}
