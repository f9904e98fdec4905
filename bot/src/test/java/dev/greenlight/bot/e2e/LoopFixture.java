package dev.greenlight.bot.e2e;

import static org.awaitility.Awaitility.await;

import dev.greenlight.bot.Greenlight;
import dev.greenlight.bot.slack.Ids;
import dev.greenlight.sandbox.Ack;
import dev.greenlight.sandbox.Message;
import dev.greenlight.sandbox.SentEnvelope;
import dev.greenlight.sandbox.SlackServer;
import dev.greenlight.sandbox.View;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The whole loop on real parts: the Slack-compatible server, the real Bolt app in Socket Mode, the
 * embedded Temporal server, the real model, and HTTP targets on loopback.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LoopFixture {
  static SlackServer slack;
  static DemoTargets targets;
  static Greenlight greenlight;
  private static final AtomicInteger channels = new AtomicInteger();

  /** The approval timeout in this class's config. */
  String approvalTimeout() {
    return "1h";
  }

  /** Top-level YAML this class adds to the catalog (none by default). */
  String extraConfig() {
    return "";
  }

  @BeforeAll
  void startLoop() throws Exception {
    slack = SlackServer.start();
    targets = new DemoTargets();
    Path dir = TestDirs.directory("greenlight-e2e");
    Map<String, String> env = new HashMap<>();
    env.put("SLACK_BOT_TOKEN", slack.botToken());
    env.put("SLACK_APP_TOKEN", slack.appToken());
    env.put("SLACK_API_URL", slack.apiUrl());
    env.put("GREENLIGHT_MANAGEMENT_PORT", "0");
    env.put(
        "GREENLIGHT_CONFIG",
        TestConfig.write(dir, targets.baseUrl(), approvalTimeout(), extraConfig()).toString());
    slack.setUserGroup("S0SRE", List.of(TestConfig.GROUPIE));
    greenlight = Greenlight.start(Greenlight.Mode.RUN, env, (java.nio.file.Path) null);
    if (!slack.awaitConnected(Duration.ofSeconds(30))) {
      throw new AssertionError("the bot never connected over Socket Mode");
    }
  }

  @AfterAll
  void stopLoop() throws Exception {
    greenlight.close();
    targets.close();
    slack.close();
  }

  /** A fresh channel per incident keeps tests apart. */
  static String newChannel() {
    return "C0TEST" + channels.incrementAndGet();
  }

  static Ack ack(SentEnvelope e) throws Exception {
    return e.ack().get(10, TimeUnit.SECONDS);
  }

  static String ackText(SentEnvelope e) throws Exception {
    return ack(e).payload().path("text").asText();
  }

  /** Waits for the incident card in the channel. */
  static Message awaitCard(String channel) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> slack.messages(channel), m -> !m.isEmpty())
        .get(0);
  }

  /** Waits until the card shows Approve/Reject buttons. */
  static Message awaitButtons(String channel) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> slack.messages(channel),
            m -> !m.isEmpty() && m.get(0).blocks().toString().contains(Ids.APPROVE_ACTION))
        .get(0);
  }

  /** Clicks Reject, waits for the modal, and submits it with {@code reason}. */
  static SentEnvelope reject(String user, Message card, String reason) throws Exception {
    int before = slack.views().size();
    ack(slack.clickButton(user, card, Ids.REJECT_ACTION));
    View modal =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(slack::views, v -> v.size() > before)
            .get(before);
    return slack.submitView(user, modal, Map.of(Ids.REASON_BLOCK + "." + Ids.REASON_INPUT, reason));
  }

  /** Waits for a private note to {@code user} containing {@code text}. */
  static String awaitEphemeral(String user, String text) {
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

  static List<String> replies(String channel) {
    List<Message> top = slack.messages(channel);
    if (top.isEmpty()) {
      return List.of();
    }
    return slack.replies(channel, top.get(0).ts()).stream().map(Message::text).toList();
  }

  /** Waits until the thread has a reply containing {@code text}, and returns all replies. */
  static List<String> awaitReply(String channel, String text) {
    return awaitReply(channel, text, Duration.ofSeconds(30));
  }

  /** Waits at most {@code atMost} until the thread has a reply containing {@code text}. */
  static List<String> awaitReply(String channel, String text, Duration atMost) {
    return await()
        .atMost(atMost)
        .until(() -> replies(channel), r -> r.stream().anyMatch(t -> t.contains(text)));
  }

  /** The incident ID in a "started" answer, e.g. {@code GL-AB12CD34}. */
  static String incidentId(String startedAnswer) {
    return startedAnswer.replaceAll("(?s).*Incident (GL-[A-Z0-9]+).*", "$1");
  }

  /** The actions the targets received for one incident (by its idempotency key). */
  static List<okhttp3.mockwebserver.RecordedRequest> actionsOf(String incidentId) {
    String key = "incident-" + incidentId + ":";
    return targets.actions.stream()
        .filter(a -> String.valueOf(a.getHeader("Idempotency-Key")).startsWith(key))
        .toList();
  }

  /** What {@code /remediate audit} answers for the incident. */
  static String audit(String incidentId) throws Exception {
    return ackText(
        slack.sendSlashCommand("U0DAVE", newChannel(), "/remediate", "audit " + incidentId));
  }
}
