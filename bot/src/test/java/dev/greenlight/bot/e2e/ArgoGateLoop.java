package dev.greenlight.bot.e2e;

import static org.awaitility.Awaitility.await;

import dev.greenlight.bot.Greenlight;
import dev.greenlight.bot.sandbox.SimulatedArgo;
import dev.greenlight.bot.slack.Ids;
import dev.greenlight.sandbox.Message;
import dev.greenlight.sandbox.SlackServer;
import dev.greenlight.sandbox.View;
import dev.greenlight.worker.DevServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Argo suspend gates on real parts: the sandbox Slack server, the real Bolt app, a Temporal dev
 * server that outlives Greenlight (so a restart keeps the gates), and the simulated Argo Server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ArgoGateLoop {
  static final String CHANNEL = "C0ARGOGATES";
  static final String NS = "deploys";
  static final String DAVE = "U0DAVE";

  SlackServer slack;
  DemoTargets targets;
  SimulatedArgo argo;
  DevServer temporal;
  Greenlight greenlight;
  Map<String, String> env;

  /** The approval timeout (every tier's, also the Argo gates') in this class's config. */
  String approvalTimeout() {
    return "1h";
  }

  @BeforeAll
  void startLoop() throws Exception {
    slack = SlackServer.start();
    targets = new DemoTargets();
    argo = SimulatedArgo.start();
    temporal = DevServer.start(0);
    String gates =
        """
        argo:
          servers:
            sim: {url: "%s", poll-interval: 100ms}
          gates:
            server: sim
            namespaces: [deploys]
            poll-interval: 200ms
            channel: C0ARGOGATES
            approvers: [U0ALICE, U0BOB, U0DAVE]
            risk: {ship-it/approve-rollout: high}
            submitters: {alice: U0ALICE}
        """
            .formatted(argo.baseUrl());
    Path dir = TestDirs.directory("greenlight-argo");
    env = new HashMap<>();
    env.put("SLACK_BOT_TOKEN", slack.botToken());
    env.put("SLACK_APP_TOKEN", slack.appToken());
    env.put("SLACK_API_URL", slack.apiUrl());
    env.put("GREENLIGHT_MANAGEMENT_PORT", "0");
    env.put("TEMPORAL_ADDRESS", temporal.address());
    env.put(
        "GREENLIGHT_CONFIG",
        TestConfig.write(dir, targets.baseUrl(), approvalTimeout(), gates).toString());
    startGreenlight();
  }

  void startGreenlight() throws Exception {
    greenlight = Greenlight.start(Greenlight.Mode.RUN, env, (Path) null);
    if (!slack.awaitConnected(Duration.ofSeconds(30))) {
      throw new AssertionError("the bot never connected over Socket Mode");
    }
  }

  @AfterAll
  void stopLoop() throws Exception {
    if (greenlight != null) {
      greenlight.close();
    }
    temporal.close();
    argo.close();
    targets.close();
    slack.close();
  }

  /** A workflow of {@code ship-it} submitted by alice, waiting at {@code approve-rollout}. */
  void waiting(String name) {
    argo.addWaiting(
        NS,
        name,
        "ship-it",
        "alice",
        Map.of("version", "1.4.2"),
        "approve-rollout",
        Map.of("target", "prod-eu"));
  }

  /** The cards of workflow {@code name} in the gates' channel. */
  List<Message> cards(String name) {
    return slack.messages(CHANNEL).stream()
        .filter(m -> m.blocks().toString().contains(NS + "/" + name))
        .toList();
  }

  Message awaitButtons(String name) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> cards(name),
            c -> !c.isEmpty() && c.get(0).blocks().toString().contains(Ids.APPROVE_ACTION))
        .get(0);
  }

  Message card(Message card) {
    return slack.message(CHANNEL, card.ts()).orElseThrow();
  }

  List<String> replies(Message card) {
    return slack.replies(CHANNEL, card.ts()).stream().map(Message::text).toList();
  }

  List<String> awaitReply(Message card, String text) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> replies(card), r -> r.stream().anyMatch(t -> t.contains(text)));
  }

  void click(String user, Message card, String action) throws Exception {
    slack.clickButton(user, card, action).ack().get(10, TimeUnit.SECONDS);
  }

  void reject(String user, Message card, String reason) throws Exception {
    int before = slack.views().size();
    click(user, card, Ids.REJECT_ACTION);
    View modal =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(slack::views, v -> v.size() > before)
            .get(before);
    slack
        .submitView(user, modal, Map.of(Ids.REASON_BLOCK + "." + Ids.REASON_INPUT, reason))
        .ack()
        .get(10, TimeUnit.SECONDS);
  }

  String awaitEphemeral(String user, String text) {
    return await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                slack.ephemerals(user).stream()
                    .map(Message::text)
                    .filter(t -> t.contains(text))
                    .findFirst(),
            java.util.Optional::isPresent)
        .get();
  }

  /** The PUT calls the simulated Argo Server received for workflow {@code name}. */
  List<SimulatedArgo.Call> puts(String name) {
    return argo.puts().stream().filter(c -> c.path().contains("/" + name + "/")).toList();
  }
}
