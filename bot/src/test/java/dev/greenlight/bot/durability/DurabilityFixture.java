package dev.greenlight.bot.durability;

import static org.awaitility.Awaitility.await;

import dev.greenlight.bot.e2e.DemoTargets;
import dev.greenlight.bot.e2e.TestConfig;
import dev.greenlight.bot.e2e.TestDirs;
import dev.greenlight.bot.slack.Ids;
import dev.greenlight.sandbox.Message;
import dev.greenlight.sandbox.SentEnvelope;
import dev.greenlight.sandbox.SlackServer;
import dev.greenlight.worker.TemporalConnection;
import dev.greenlight.workflows.RemediationWorkflow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.RecordedRequest;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Greenlight as separate operating-system processes: Slack (the sandbox server) and the remediation
 * targets run in the test JVM; Temporal, the worker and the bot each run in their own JVM and can
 * be killed with SIGKILL.
 *
 * <p>When the environment sets {@code TEMPORAL_ADDRESS}, the tests use that Temporal server (for
 * example a real cluster); otherwise they start {@code greenlight dev-server} as a process of its
 * own, so that killing the worker or the bot never touches Temporal's state.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DurabilityFixture {
  /** Cross-process waits include JVM start-up and model loading, hence the generous bound. */
  static final Duration PATIENCE = Duration.ofSeconds(60);

  private static final Pattern INCIDENT_ID = Pattern.compile("Incident (GL-[A-Z0-9]+)");

  SlackServer slack;
  DemoTargets targets;
  String temporalAddress;
  TemporalConnection temporal;
  private Path config;
  private GreenlightProcess devServer;
  private int devServerPort;
  private final List<GreenlightProcess> processes = new ArrayList<>();

  @BeforeAll
  void startSlackTargetsAndTemporal() throws Exception {
    slack = SlackServer.start();
    slack.setUserGroup("S0SRE", List.of(TestConfig.GROUPIE));
    targets = new DemoTargets();
    config = TestConfig.write(TestDirs.directory("greenlight-durability"), targets.baseUrl(), "1h");
    String external = System.getenv("TEMPORAL_ADDRESS");
    if (external != null && !external.isBlank()) {
      temporalAddress = external;
    } else {
      devServerPort = freePort();
      startDevServer();
      temporalAddress = "127.0.0.1:" + devServerPort;
    }
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("TEMPORAL_ADDRESS", temporalAddress);
    temporal = TemporalConnection.connect(env);
  }

  private void startDevServer() {
    devServer =
        GreenlightProcess.start(
            "dev-server", Map.of(), "dev-server", "--port", String.valueOf(devServerPort));
    devServer.awaitLog("Temporal dev server listening", PATIENCE);
  }

  /**
   * Kills the dev server with SIGKILL and starts a new one on the same port: everything it held in
   * memory is gone. False (and nothing done) when the tests use an external Temporal.
   */
  boolean killAndRestartDevServer() {
    if (devServer == null) {
      return false;
    }
    devServer.killHard();
    startDevServer();
    return true;
  }

  /** Every bot and worker a test started is killed, whether the test passed or not. */
  @AfterEach
  void killBotsAndWorkers() {
    processes.forEach(GreenlightProcess::close);
    processes.clear();
  }

  @AfterAll
  void stopSlackTargetsAndTemporal() throws Exception {
    killBotsAndWorkers();
    if (temporal != null) {
      temporal.close();
    }
    if (devServer != null) {
      devServer.close();
    }
    if (targets != null) {
      targets.close();
    }
    if (slack != null) {
      slack.close();
    }
  }

  /** Starts a worker process without waiting for it; see {@link #awaitWorker}. */
  GreenlightProcess spawnWorker() {
    return spawn("worker");
  }

  /** Waits until the worker polls the task queue (its model is loaded by then). */
  void awaitWorker(GreenlightProcess worker) {
    worker.awaitLog("Worker polling task queue", PATIENCE);
  }

  /** Starts a bot process without waiting for it; see {@link #awaitBot}. */
  GreenlightProcess spawnBot() {
    return spawn("bot");
  }

  /** Starts a bot process with {@code extra} in its environment (e.g. the alert receiver's). */
  GreenlightProcess spawnBot(Map<String, String> extra) {
    return spawn("bot", extra);
  }

  /** Starts a worker process with {@code extra} in its environment (e.g. {@code KUBECONFIG}). */
  GreenlightProcess spawnWorker(Map<String, String> extra) {
    return spawn("worker", extra);
  }

  /** Replaces the config the processes started from now on read with {@code yaml}. */
  void replaceConfig(String yaml) throws IOException {
    Files.writeString(config, yaml);
  }

  /** Appends {@code yaml} (e.g. an {@code alerts} section) to the config the processes read. */
  void appendToConfig(String yaml) throws IOException {
    Files.writeString(config, Files.readString(config) + yaml);
  }

  /** Waits until the bot has started and holds an open Socket Mode connection to the sandbox. */
  void awaitBot(GreenlightProcess bot) {
    bot.awaitLog("Bot connected", PATIENCE);
    if (!slack.awaitConnected(PATIENCE)) {
      throw new AssertionError("the bot never connected over Socket Mode; " + bot.describe());
    }
  }

  /**
   * Kills the bot with SIGKILL and waits until the sandbox has seen its socket close, so that no
   * later envelope is sent to the dead connection.
   */
  void killBot(GreenlightProcess bot) {
    bot.killHard();
    awaitUntil(
        "the killed bot's Socket Mode connection to close", slack::connectionCount, n -> n == 0);
  }

  /** Sends the slash command and returns the incident ID from the bot's acknowledgement. */
  String startIncident(String user, String channel, String text) throws Exception {
    SentEnvelope sent = slack.sendSlashCommand(user, channel, Ids.COMMAND, text);
    String ack =
        sent.ack().get(PATIENCE.toSeconds(), TimeUnit.SECONDS).payload().path("text").asText();
    Matcher m = INCIDENT_ID.matcher(ack);
    if (!m.find()) {
      throw new AssertionError(
          "the bot did not start an incident; it answered: " + ack + "\n" + logs());
    }
    return m.group(1);
  }

  /** Waits until the channel's card shows the Approve button. */
  Message awaitButtons(String channel) {
    return awaitUntil(
            "the card with the Approve button in " + channel,
            () -> slack.messages(channel),
            m -> !m.isEmpty() && m.get(0).blocks().toString().contains(Ids.APPROVE_ACTION))
        .get(0);
  }

  /** The card's thread replies, oldest first. */
  List<String> replies(String channel) {
    List<Message> top = slack.messages(channel);
    if (top.isEmpty()) {
      return List.of();
    }
    return slack.replies(channel, top.get(0).ts()).stream().map(Message::text).toList();
  }

  /** Waits until the card's thread has a reply containing {@code text}; returns all replies. */
  List<String> awaitReply(String channel, String text) {
    return awaitUntil(
        "a thread reply containing '" + text + "' in " + channel,
        () -> replies(channel),
        r -> r.stream().anyMatch(t -> t.contains(text)));
  }

  /**
   * Waits until the workflow is parked at the gate: the approval timeout's timer has started, every
   * activity scheduled so far (the card and its thread replies, which run beside the gate, as local
   * activities or, after a failure, regular ones) has finished, and no workflow task is in flight.
   * Nothing then runs until a click or a timer, so a kill from here on cannot make the new process
   * repeat an activity.
   */
  void awaitParkedAtGate(String incidentId) {
    String workflowId = RemediationWorkflow.workflowId(incidentId);
    awaitUntil(
        "workflow " + workflowId + " to wait at the gate",
        () -> temporal.client().fetchHistory(workflowId).getEvents(),
        IncidentHistory::parked);
  }

  /** Whether the incident's workflow history records a signal (a decision from the bot). */
  boolean signalled(String incidentId) {
    return IncidentHistory.signalled(
        temporal.client().fetchHistory(RemediationWorkflow.workflowId(incidentId)).getEvents());
  }

  /** The remediation requests that reached the targets for {@code service}. */
  List<RecordedRequest> actionsFor(String service) {
    return targets.actionsFor(service);
  }

  /** Awaitility with {@link #PATIENCE}; on timeout the failure names every process log. */
  <T> T awaitUntil(String what, Callable<T> supplier, Predicate<? super T> done) {
    try {
      return await(what)
          .atMost(PATIENCE)
          .pollInterval(Duration.ofMillis(200))
          .until(supplier, done::test);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError("timed out waiting for " + what + "\n" + logs(), e);
    }
  }

  /** The log paths and last lines of every process this class started, for failure messages. */
  String logs() {
    List<GreenlightProcess> all = new ArrayList<>(processes);
    if (devServer != null) {
      all.add(0, devServer);
    }
    return all.stream()
        .map(p -> p.name() + (p.isAlive() ? "" : " (dead)") + " " + p.describe())
        .collect(Collectors.joining("\n\n"));
  }

  private GreenlightProcess spawn(String subcommand) {
    return spawn(subcommand, Map.of());
  }

  private GreenlightProcess spawn(String subcommand, Map<String, String> extra) {
    Map<String, String> env = new HashMap<>(extra);
    env.put("SLACK_BOT_TOKEN", slack.botToken());
    env.put("SLACK_APP_TOKEN", slack.appToken());
    env.put("SLACK_API_URL", slack.apiUrl());
    env.put("GREENLIGHT_CONFIG", config.toString());
    env.put("TEMPORAL_ADDRESS", temporalAddress);
    // Bot and worker run side by side: each takes a free management port.
    env.put("GREENLIGHT_MANAGEMENT_PORT", "0");
    GreenlightProcess p = GreenlightProcess.start(subcommand, env, subcommand);
    processes.add(p);
    return p;
  }

  static int freePort() {
    return GreenlightProcess.freePort();
  }

  /** A running worker and bot, and an incident they started that now waits at its gate. */
  record Parked(GreenlightProcess worker, GreenlightProcess bot, String incidentId, Message card) {}

  /** Starts a worker and a bot, reports {@code text} in {@code channel}, waits at the gate. */
  Parked parkIncident(String channel, String text) throws Exception {
    GreenlightProcess worker = spawnWorker();
    GreenlightProcess bot = spawnBot();
    awaitWorker(worker);
    awaitBot(bot);
    String incidentId = startIncident("U0DAVE", channel, text);
    Message card = awaitButtons(channel);
    awaitReply(channel, "Waiting for approval");
    awaitParkedAtGate(incidentId);
    return new Parked(worker, bot, incidentId, card);
  }
}
