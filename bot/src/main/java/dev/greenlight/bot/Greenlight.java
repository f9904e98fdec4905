package dev.greenlight.bot;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import dev.greenlight.action.kubernetes.KubeClients;
import dev.greenlight.activities.NotificationActivities;
import dev.greenlight.bot.alerts.AlertService;
import dev.greenlight.bot.alerts.ReceiverSettings;
import dev.greenlight.bot.ops.LogFormat;
import dev.greenlight.bot.ops.ManagementServer;
import dev.greenlight.bot.ops.ManagementSettings;
import dev.greenlight.bot.ops.Observability;
import dev.greenlight.bot.ops.Readiness;
import dev.greenlight.bot.ops.Redaction;
import dev.greenlight.bot.ops.SocketModeProbe;
import dev.greenlight.bot.slack.GreenlightApp;
import dev.greenlight.bot.slack.IncidentClient;
import dev.greenlight.bot.slack.SlackConcurrency;
import dev.greenlight.bot.slack.SlackDirectory;
import dev.greenlight.bot.slack.SlackNotifier;
import dev.greenlight.bot.slack.SlackSettings;
import dev.greenlight.bot.slack.SocketModeDispatch;
import dev.greenlight.config.ConfigLoader;
import dev.greenlight.config.GreenlightConfig;
import dev.greenlight.worker.GreenlightWorker;
import dev.greenlight.worker.ServerKind;
import dev.greenlight.worker.TemporalConnection;
import dev.greenlight.worker.metrics.ObservedNotifications;
import dev.greenlight.worker.metrics.TemporalProbe;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts Greenlight's parts (bot, worker or both) and stops them in reverse order. */
public final class Greenlight implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Greenlight.class);

  /** Which parts run in this process. */
  public enum Mode {
    RUN(true, true),
    BOT(true, false),
    WORKER(false, true);

    final boolean bot;
    final boolean worker;

    Mode(boolean bot, boolean worker) {
      this.bot = bot;
      this.worker = worker;
    }
  }

  private final Deque<AutoCloseable> parts = new ArrayDeque<>();
  private ManagementServer management;
  private AlertService alerts;

  private Greenlight() {}

  /**
   * Validates everything first (config, tokens, Temporal settings), then starts the parts. Any
   * failure stops what was started: never half a bot.
   */
  public static Greenlight start(Mode mode, Map<String, String> env, Path configOption)
      throws Exception {
    return start(mode, env, loadConfig(env, configOption));
  }

  /** Starts with an already validated configuration (the sandbox builds its own). */
  public static Greenlight start(Mode mode, Map<String, String> env, GreenlightConfig config)
      throws Exception {
    return start(mode, env, config, KubeClients.fromEnvironment());
  }

  /** As above, the kubernetes kinds using {@code kube} (the sandbox's simulated cluster). */
  public static Greenlight start(
      Mode mode, Map<String, String> env, GreenlightConfig config, KubeClients kube)
      throws Exception {
    SlackSettings slack = SlackSettings.fromEnv(env, mode.bot);
    int slackConcurrency = mode.bot ? SlackConcurrency.fromEnv(env) : SlackConcurrency.DEFAULT;
    LogFormat.fromEnv(env);
    ManagementSettings managementSettings = ManagementSettings.fromEnv(env);
    ReceiverSettings alertReceiver =
        mode.bot && config.alerts() != null ? ReceiverSettings.fromEnv(env) : null;
    Redaction.rememberSecrets(
        env, config.classifier().apiKeyEnv(), ReceiverSettings.TOKEN_VARIABLE);
    boolean embedded = env.getOrDefault("TEMPORAL_ADDRESS", "").isBlank();
    if (mode != Mode.RUN && embedded) {
      throw new IllegalArgumentException(
          "TEMPORAL_ADDRESS is not set: '"
              + mode.name().toLowerCase(java.util.Locale.ROOT)
              + "' must share a Temporal server with the other process (start one with 'greenlight dev-server')");
    }
    Greenlight g = new Greenlight();
    try {
      Observability observability = Observability.start();
      g.parts.push(observability);
      PrometheusMeterRegistry meters = observability.registry();
      Readiness readiness = new Readiness();
      g.management = ManagementServer.start(managementSettings, meters, readiness);
      g.parts.push(g.management);
      inMemoryWarning(embedded, slack).ifPresent(log::warn);
      TemporalConnection temporal = TemporalConnection.connect(env, meters);
      g.parts.push(temporal);
      StartingWorker worker = null;
      if (mode.worker) {
        var methods = GreenlightApp.notificationSlack(slack.apiUrl()).methods(slack.botToken());
        NotificationActivities notifications =
            new ObservedNotifications(
                new SlackNotifier(methods, meters, config.fallbackChannel(), config.onCall()),
                config,
                meters);
        worker =
            StartingWorker.start(
                () ->
                    GreenlightWorker.start(
                        temporal,
                        config,
                        notifications,
                        new SlackDirectory(methods, meters),
                        GreenlightWorker.actionKinds(
                            config, System.getenv(), new OkHttpClient(), kube)));
        g.parts.push(worker);
      }
      if (mode.bot) {
        App app =
            GreenlightApp.create(
                slack,
                config,
                new IncidentClient(temporal.client(), temporal.serverKind() != ServerKind.CLUSTER),
                meters);
        SocketModeApp socket = connectSocketMode(slack.appToken(), app, slackConcurrency);
        g.parts.push(socket::close);
        SocketModeProbe socketMode = SocketModeProbe.watch(socket);
        g.parts.push(socketMode);
        readiness.add(socketMode);
        if (alertReceiver != null) {
          g.alerts =
              AlertService.start(
                  alertReceiver,
                  config,
                  new IncidentClient(temporal.client()),
                  GreenlightApp.slack(slack.apiUrl()).methods(slack.botToken()),
                  meters);
          g.parts.push(g.alerts);
        }
        log.info(
            "Bot connected to Slack in Socket Mode ({} runbooks, {} approvers, {} envelope handlers)",
            config.runbooks().size(),
            config.approvers().size(),
            slackConcurrency);
      }
      if (worker != null) {
        worker.await();
        readiness.add(new TemporalProbe(temporal.client().getWorkflowServiceStubs())::check);
      }
      readiness.started();
      return g;
    } catch (Exception e) {
      g.close();
      throw e;
    }
  }

  /**
   * Connects {@code app} over Socket Mode (JavaWebSocket backend, {@link SlackConcurrency#DEFAULT}
   * handlers) with each envelope handed to Bolt as it arrives ({@link SocketModeDispatch}).
   */
  public static SocketModeApp connectSocketMode(String appToken, App app) throws Exception {
    return connectSocketMode(appToken, app, SlackConcurrency.DEFAULT);
  }

  /** As above, with {@code concurrency} envelopes handled at once ({@link SlackConcurrency}). */
  public static SocketModeApp connectSocketMode(String appToken, App app, int concurrency)
      throws Exception {
    SocketModeApp socket =
        new SocketModeApp(appToken, app, SocketModeClient.Backend.JavaWebSocket, concurrency);
    socket.startAsync();
    SocketModeDispatch.install(socket.getClient());
    return socket;
  }

  /**
   * The start-up warning for real Slack (no {@code SLACK_API_URL}) with the embedded, in-memory
   * Temporal (no {@code TEMPORAL_ADDRESS}); empty otherwise (the sandbox, a durable Temporal).
   */
  static java.util.Optional<String> inMemoryWarning(boolean embedded, SlackSettings slack) {
    if (!embedded || !slack.apiUrl().equals(SlackSettings.DEFAULT_API_URL)) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        "Real Slack with an in-memory Temporal: incidents waiting for approval do not survive a"
            + " restart of this process (their cards will answer that they were lost). Set"
            + " TEMPORAL_ADDRESS to a durable Temporal: 'temporal server start-dev --db-filename"
            + " greenlight.db', a self-hosted cluster or Temporal Cloud (see docs/operations.md).");
  }

  /** The management server's base URL ({@code http://127.0.0.1:9464}): metrics and probes. */
  public String managementUrl() {
    return management.url();
  }

  /** The alert receiver's base URL, or null when the config has no {@code alerts} section. */
  public String alertsUrl() {
    return alerts == null ? null : alerts.url();
  }

  static GreenlightConfig loadConfig(Map<String, String> env, Path option) {
    Path file =
        option != null
            ? option
            : env.containsKey("GREENLIGHT_CONFIG") && !env.get("GREENLIGHT_CONFIG").isBlank()
                ? Path.of(env.get("GREENLIGHT_CONFIG"))
                : null;
    if (file == null) {
      log.warn("No --config or GREENLIGHT_CONFIG: using the built-in demo catalog");
      return ConfigLoader.loadDemo();
    }
    GreenlightConfig config = ConfigLoader.load(file);
    log.info(
        "Config {}: {} runbooks, {} services",
        file,
        config.runbooks().size(),
        config.services().size());
    return config;
  }

  @Override
  public void close() {
    while (!parts.isEmpty()) {
      try {
        parts.pop().close();
      } catch (Exception e) {
        log.warn("Error while stopping: {}", e.getMessage());
      }
    }
  }
}
