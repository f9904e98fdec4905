package dev.greenlight.bench;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.methods.MethodsClient;
import dev.greenlight.bot.Greenlight;
import dev.greenlight.bot.slack.GreenlightApp;
import dev.greenlight.bot.slack.IncidentClient;
import dev.greenlight.bot.slack.SlackConcurrency;
import dev.greenlight.bot.slack.SlackDirectory;
import dev.greenlight.bot.slack.SlackNotifier;
import dev.greenlight.bot.slack.SlackSettings;
import dev.greenlight.config.ConfigLoader;
import dev.greenlight.config.GreenlightConfig;
import dev.greenlight.sandbox.SlackServer;
import dev.greenlight.worker.GreenlightWorker;
import dev.greenlight.worker.ServerKind;
import dev.greenlight.worker.TemporalConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The whole loop on real parts, wired as {@code Greenlight.start(RUN)} wires it, except that the
 * worker's Slack notifier is wrapped to timestamp gate events: the Slack-compatible server, the
 * real Bolt app in Socket Mode, the real worker (model included) and loopback remediation targets.
 * The Temporal server is either the standalone {@code dev-server} in its own JVM (sticky execution
 * off) or the embedded one in this JVM, as {@code run} starts it (sticky execution on).
 */
final class Loop implements AutoCloseable {
  /** Which Temporal server the loop runs against. */
  enum Server {
    /** {@code greenlight dev-server} in its own JVM, reached by address: sticky execution off. */
    DEV_SERVER("", ""),
    /** The test server inside the harness JVM, as {@code run} starts it: sticky execution on. */
    EMBEDDED("emb_", " [embedded]"),
    /**
     * The server {@code TEMPORAL_ADDRESS} (and the other {@code TEMPORAL_*} variables) of the
     * harness's environment name, e.g. a real cluster: sticky execution as for its kind.
     */
    ADDRESS("ext_", " [TEMPORAL_ADDRESS]");

    /** Prefix of this server's row ids (none for the dev server, the report's original rows). */
    final String idPrefix;

    /** Suffix of this server's metric names. */
    final String metricSuffix;

    Server(String idPrefix, String metricSuffix) {
      this.idPrefix = idPrefix;
      this.metricSuffix = metricSuffix;
    }

    /**
     * The servers pending approvals run against: {@code dev-server}, {@code embedded}, {@code both}
     * or {@code none}. A server at {@code TEMPORAL_ADDRESS} is not among them: the release signals
     * every waiting workflow, which a shared cluster should not get from a benchmark.
     */
    static List<Server> parsePending(String name) {
      return switch (name) {
        case "none" -> List.of();
        case "dev-server" -> List.of(DEV_SERVER);
        case "embedded" -> List.of(EMBEDDED);
        case "both" -> List.of(DEV_SERVER, EMBEDDED);
        default ->
            throw new IllegalArgumentException(
                "--pending-server must be dev-server, embedded, both or none (got " + name + ")");
      };
    }

    /**
     * {@code dev-server}, {@code embedded}, {@code address}, {@code both} (dev server and
     * embedded), {@code all} (both, and the {@code TEMPORAL_ADDRESS} server when it is set) or
     * {@code none} (no loop: classification, cold start and pending approvals only).
     */
    static List<Server> parse(String name, Map<String, String> env) {
      boolean addressSet = !env.getOrDefault("TEMPORAL_ADDRESS", "").isBlank();
      return switch (name) {
        case "none" -> List.of();
        case "dev-server" -> List.of(DEV_SERVER);
        case "embedded" -> List.of(EMBEDDED);
        case "both" -> List.of(DEV_SERVER, EMBEDDED);
        case "all" ->
            addressSet ? List.of(DEV_SERVER, EMBEDDED, ADDRESS) : List.of(DEV_SERVER, EMBEDDED);
        case "address" -> {
          if (!addressSet) {
            throw new IllegalArgumentException(
                "--server address needs TEMPORAL_ADDRESS set to the Temporal server to measure");
          }
          yield List.of(ADDRESS);
        }
        default ->
            throw new IllegalArgumentException(
                "--server must be dev-server, embedded, address, both, all or none (got "
                    + name
                    + ")");
      };
    }
  }

  static final String ALICE = "U0ALICE";
  static final String HUMAN_TEXT = "checkout-api pods OOMKilled and restarting";
  static final String AUTO_TEXT = "checkout-api the cache serves stale data";

  /** How long the harness waits for any one thing before it gives up. */
  static final Duration WAIT = Duration.ofSeconds(120);

  private static final AtomicInteger channels = new AtomicInteger();

  final Server server;
  final SlackServer slack;
  final Targets targets;

  /** The dev server's process; null for the embedded server. */
  final JavaProcess devServer;

  final TemporalConnection temporal;
  final RecordingNotifier notifier;
  final GreenlightConfig config;
  final Path configFile;
  private final GreenlightWorker worker;
  private final SocketModeApp socket;

  private Loop(
      Server server,
      SlackServer slack,
      Targets targets,
      JavaProcess devServer,
      TemporalConnection temporal,
      RecordingNotifier notifier,
      GreenlightConfig config,
      Path configFile,
      GreenlightWorker worker,
      SocketModeApp socket) {
    this.server = server;
    this.slack = slack;
    this.targets = targets;
    this.devServer = devServer;
    this.temporal = temporal;
    this.notifier = notifier;
    this.config = config;
    this.configFile = configFile;
    this.worker = worker;
    this.socket = socket;
  }

  static Loop start(Server server) throws Exception {
    SlackServer slack = SlackServer.start();
    Targets targets = new Targets();
    Path configFile = writeConfig(targets.baseUrl());
    GreenlightConfig config = ConfigLoader.parse(Files.readString(configFile), "bench.yml");
    JavaProcess devProcess = null;
    TemporalConnection temporal;
    if (server == Server.DEV_SERVER) {
      StartedDevServer dev = startDevServer("dev-server-loop");
      devProcess = dev.process();
      temporal = TemporalConnection.connect(Map.of("TEMPORAL_ADDRESS", "127.0.0.1:" + dev.port()));
    } else if (server == Server.ADDRESS) {
      temporal = TemporalConnection.connect(System.getenv());
    } else {
      temporal = TemporalConnection.connect(Map.of());
    }
    SlackSettings settings =
        SlackSettings.fromEnv(
            Map.of(
                "SLACK_BOT_TOKEN", slack.botToken(),
                "SLACK_APP_TOKEN", slack.appToken(),
                "SLACK_API_URL", slack.apiUrl()),
            true);
    // The worker's own client, as `greenlight run` builds it (Greenlight.start).
    MethodsClient methods =
        GreenlightApp.notificationSlack(settings.apiUrl()).methods(settings.botToken());
    RecordingNotifier notifier = new RecordingNotifier(new SlackNotifier(methods));
    GreenlightWorker worker =
        GreenlightWorker.start(temporal, config, notifier, new SlackDirectory(methods));
    App app =
        GreenlightApp.create(
            settings,
            config,
            new IncidentClient(temporal.client(), temporal.serverKind() != ServerKind.CLUSTER));
    SocketModeApp socket =
        Greenlight.connectSocketMode(
            settings.appToken(), app, SlackConcurrency.fromEnv(System.getenv()));
    if (!slack.awaitConnected(Duration.ofSeconds(30))) {
      throw new IllegalStateException("the Bolt app never connected over Socket Mode");
    }
    return new Loop(
        server, slack, targets, devProcess, temporal, notifier, config, configFile, worker, socket);
  }

  /** Which server this loop runs against, for the report: kind, address, namespace, sticky. */
  String describe() {
    var options = temporal.client().getWorkflowServiceStubs().getOptions();
    String where =
        switch (server) {
          case DEV_SERVER -> "standalone `greenlight dev-server` (own JVM)";
          case EMBEDDED -> "embedded test server (harness JVM, as `run`)";
          case ADDRESS -> "TEMPORAL_ADDRESS";
        };
    return where
        + " at "
        + (options.getTarget() == null ? "in-process" : options.getTarget())
        + ", namespace "
        + temporal.client().getOptions().getNamespace()
        + ", kind "
        + temporal.serverKind().name().toLowerCase(java.util.Locale.ROOT)
        + ", sticky execution "
        + (temporal.serverKind().stickyExecution() ? "on" : "off");
  }

  /** A fresh channel: every incident in the harness has its own, so events are keyed by it. */
  static String newChannel() {
    return "CB" + channels.incrementAndGet();
  }

  /** The standalone dev server, as {@code greenlight dev-server --port N} runs it. */
  static StartedDevServer startDevServer(String name) throws Exception {
    int port = JavaProcess.freePort();
    JavaProcess p =
        JavaProcess.start(
            name,
            List.of(),
            "dev.greenlight.bot.cli.Main",
            List.of("dev-server", "--port", Integer.toString(port)),
            Map.of("GREENLIGHT_LOG_LEVEL", "WARN"));
    JavaProcess.awaitPort(port, Duration.ofSeconds(60));
    return new StartedDevServer(p, port);
  }

  record StartedDevServer(JavaProcess process, int port) {}

  static Path writeConfig(String targets) throws Exception {
    String yaml =
        """
        services: [checkout-api, payments-api, search-api]
        policy:
          confidence-floor: 0.80
          approval-timeout: 1h
        approvers: [U0ALICE, U0BOB]
        on-call: U0CAROL
        runbooks:
          - id: restart-oom-pods
            label: oom-killed
            risk: medium
            examples: ["pods OOMKilled and restarting", "container killed with exit code 137 out of memory"]
            action:
              method: POST
              url: %1$s/actions/restart?service={service}
              body: '{"service":"{service}","incident":"{incident}"}'
              headers: {Content-Type: application/json}
            verify: {url: "%1$s/health/{service}", timeout: 3s, interval: 200ms}
          - id: flush-cache
            label: stale-cache
            risk: low
            examples: ["stale data served from cache", "users see old prices, cache not invalidated"]
            action: {method: POST, url: "%1$s/actions/flush-cache?service={service}"}
            verify: {url: "%1$s/health/{service}", timeout: 3s, interval: 200ms}
        """
            .formatted(targets);
    Path file = JavaProcess.logDir().resolve("bench.yml");
    Files.writeString(file, yaml);
    return file;
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (Exception e) {
      // best effort
    }
    worker.close();
    temporal.close();
    if (devServer != null) {
      devServer.close();
    }
    try {
      targets.close();
    } catch (Exception e) {
      // best effort
    }
    slack.close();
  }
}
