package dev.greenlight.bot.e2e;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.bot.Greenlight;
import dev.greenlight.bot.slack.IncidentIds;
import dev.greenlight.sandbox.Message;
import dev.greenlight.sandbox.SlackServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The whole loop with the alert receiver on: the sandbox Slack, the real Bolt app, the embedded
 * Temporal server, the real model and the real receiver, reached over HTTP like Alertmanager.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AlertFixture {
  static final String TOKEN = "test-alert-token-0123456789";
  static final String ALERTS = "C0ALERTS";
  static final int MAX_BYTES = 4096;
  static final ObjectMapper JSON = new ObjectMapper();
  static final Instant T0 = Instant.parse("2026-12-01T14:02:00Z");

  SlackServer slack;
  DemoTargets targets;
  Greenlight greenlight;
  final OkHttpClient http = new OkHttpClient();

  /** The {@code alerts} section of this class's config. */
  abstract String alertsSection();

  @BeforeAll
  void startLoop() throws Exception {
    slack = SlackServer.start();
    targets = new DemoTargets();
    Path dir = TestDirs.directory("greenlight-alerts");
    Path config = TestConfig.write(dir, targets.baseUrl(), "1h");
    String yaml =
        Files.readString(config)
            .replace(
                "services: [checkout-api, payments-api, search-api]",
                "services: [checkout-api, payments-api, search-api, cart-api, orders-api,"
                    + " ledger-api, stock-api, mail-api]");
    Files.writeString(config, yaml + alertsSection());
    Map<String, String> env = new HashMap<>();
    env.put("SLACK_BOT_TOKEN", slack.botToken());
    env.put("SLACK_APP_TOKEN", slack.appToken());
    env.put("SLACK_API_URL", slack.apiUrl());
    env.put("GREENLIGHT_MANAGEMENT_PORT", "0");
    env.put("GREENLIGHT_ALERTS_PORT", "0");
    env.put("GREENLIGHT_ALERTS_TOKEN", TOKEN);
    env.put("GREENLIGHT_ALERTS_MAX_BYTES", String.valueOf(MAX_BYTES));
    env.put("GREENLIGHT_CONFIG", config.toString());
    greenlight = Greenlight.start(Greenlight.Mode.RUN, env, (Path) null);
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

  /** One Alertmanager alert. */
  static ObjectNode alert(
      String status, String name, String service, String fingerprint, Instant startsAt) {
    ObjectNode a = JSON.createObjectNode();
    a.put("status", status);
    ObjectNode labels = a.putObject("labels");
    labels.put("alertname", name);
    labels.put("service", service);
    labels.put("severity", "critical");
    a.putObject("annotations").put("summary", "pods OOMKilled and restarting");
    a.put("startsAt", startsAt.toString());
    a.put(
        "endsAt",
        status.equals("resolved") ? startsAt.plusSeconds(300).toString() : "0001-01-01T00:00:00Z");
    a.put("generatorURL", "http://prometheus.example/graph?g0.expr=up");
    a.put("fingerprint", fingerprint);
    return a;
  }

  /** Alertmanager's version 4 body around {@code alerts}. */
  static String payload(ObjectNode... alerts) {
    ObjectNode p = JSON.createObjectNode();
    p.put("version", "4");
    p.put("groupKey", "{}:{alertname=\"PodsOOMKilled\"}");
    p.put("truncatedAlerts", 0);
    p.put("status", alerts[0].path("status").asText());
    p.put("receiver", "greenlight");
    ArrayNode list = p.putArray("alerts");
    for (ObjectNode a : alerts) {
      list.add(a);
    }
    p.putObject("groupLabels").put("alertname", "PodsOOMKilled");
    p.putObject("commonLabels");
    p.putObject("commonAnnotations");
    p.put("externalURL", "http://alertmanager.example");
    return p.toString();
  }

  /** The answer to a POST of {@code body} with {@code token} (null: no Authorization header). */
  Answer post(String path, String body, String token) throws Exception {
    Request.Builder r =
        new Request.Builder()
            .url(greenlight.alertsUrl() + path)
            .post(RequestBody.create(body, MediaType.get("application/json")));
    if (token != null) {
      r.header("Authorization", "Bearer " + token);
    }
    try (Response response = http.newCall(r.build()).execute()) {
      String text = response.body().string();
      return new Answer(response.code(), text.isEmpty() ? null : JSON.readTree(text));
    }
  }

  Answer fire(String body) throws Exception {
    return post("/alerts/alertmanager", body, TOKEN);
  }

  record Answer(int status, JsonNode body) {
    int count(String field) {
      return body.path(field).asInt(-1);
    }
  }

  static String incidentId(String fingerprint, Instant startsAt) {
    return IncidentIds.fromAlert("alertmanager", fingerprint + "@" + startsAt.toEpochMilli());
  }

  /** The cards of {@code incidentId} in the alerts channel (one, if all is well). */
  List<Message> cards(String incidentId) {
    return slack.messages(ALERTS).stream()
        .filter(m -> m.text().contains("Incident " + incidentId + " "))
        .toList();
  }

  Message awaitCard(String incidentId) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> cards(incidentId), c -> !c.isEmpty())
        .get(0);
  }

  /** Waits until the card's thread has a reply containing {@code text}; returns every reply. */
  List<String> awaitReply(String incidentId, String text) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> replies(incidentId), r -> r.stream().anyMatch(t -> t.contains(text)));
  }

  List<String> replies(String incidentId) {
    Optional<Message> card = cards(incidentId).stream().findFirst();
    return card.isEmpty()
        ? List.of()
        : slack.replies(ALERTS, card.get().ts()).stream().map(Message::text).toList();
  }

  /** Top-level messages in the alerts channel that are not cards. */
  List<String> notices() {
    return slack.messages(ALERTS).stream()
        .map(Message::text)
        .filter(t -> !t.startsWith("Incident "))
        .toList();
  }
}
