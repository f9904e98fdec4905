package dev.greenlight.bot.durability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.bot.slack.IncidentIds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * Two bot replicas (separate processes, one Temporal server, one worker) receive the same alerts at
 * the same moment, as behind a load balancer or from two Alertmanagers: the same firing starts one
 * incident, and a second firing of the same service joins its thread instead of opening a card.
 */
class AlertReplicasIT extends DurabilityFixture {
  private static final String TOKEN = "replica-alert-token-0123456789";
  private static final String CHANNEL = "C0REPLICAS";

  @Test
  void theSameFiringSentToTwoReplicasStartsOneIncident() throws Exception {
    appendToConfig(
        "alerts:\n  channel: " + CHANNEL + "\n  hints: {PodsOOMKilled: restart-oom-pods}\n");
    int portA = freePort();
    int portB = freePort();
    GreenlightProcess worker = spawnWorker();
    GreenlightProcess a = spawnBot(receiver(portA));
    GreenlightProcess b = spawnBot(receiver(portB));
    awaitWorker(worker);
    a.awaitLog("Alert receiver on", PATIENCE);
    b.awaitLog("Alert receiver on", PATIENCE);

    Instant starts = Instant.parse("2026-12-01T14:02:00Z");
    // Two firings of one service (max-open-per-service 1), each sent to both replicas twice, all
    // at the same instant: the intake decides them one at a time.
    List<String> bodies = List.of(payload("fp-replicas", starts), payload("fp-other", starts));
    OkHttpClient http = new OkHttpClient();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<JsonNode>> sent = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      int port = i % 2 == 0 ? portA : portB;
      String body = bodies.get((i / 2) % 2);
      sent.add(pool.submit((Callable<JsonNode>) () -> post(http, port, body)));
    }
    int started = 0;
    int joined = 0;
    int repeated = 0;
    for (Future<JsonNode> f : sent) {
      JsonNode answer = f.get();
      started += answer.path("started").asInt();
      joined += answer.path("joined").asInt();
      repeated += answer.path("repeated").asInt();
    }
    pool.shutdown();
    assertThat(started).as("incidents started over all deliveries\n" + logs()).isEqualTo(1);
    assertThat(joined).as("the other firing joins it once").isEqualTo(1);
    assertThat(repeated).isEqualTo(6);

    List<String> ids =
        List.of(
            IncidentIds.fromAlert("alertmanager", "fp-replicas@" + starts.toEpochMilli()),
            IncidentIds.fromAlert("alertmanager", "fp-other@" + starts.toEpochMilli()));
    awaitReply(CHANNEL, "Waiting for approval");
    awaitReply(CHANNEL, "Also firing");
    Thread.sleep(Duration.ofSeconds(1).toMillis());
    assertThat(slack.messages(CHANNEL))
        .filteredOn(m -> m.text().startsWith("Incident "))
        .singleElement()
        .satisfies(m -> assertThat(ids).anySatisfy(id -> assertThat(m.text()).contains(id)));
  }

  private static Map<String, String> receiver(int port) {
    return Map.of("GREENLIGHT_ALERTS_PORT", String.valueOf(port), "GREENLIGHT_ALERTS_TOKEN", TOKEN);
  }

  /** The receiver's answer: what became of the delivery's alert. */
  private static JsonNode post(OkHttpClient http, int port, String body) throws Exception {
    Request r =
        new Request.Builder()
            .url("http://127.0.0.1:" + port + "/alerts/alertmanager")
            .header("Authorization", "Bearer " + TOKEN)
            .post(RequestBody.create(body, MediaType.get("application/json")))
            .build();
    try (Response response = http.newCall(r).execute()) {
      String text = response.body().string();
      assertThat(response.code()).as(text).isEqualTo(200);
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
    }
  }

  private static String payload(String fingerprint, Instant startsAt) {
    return """
        {"version": "4", "status": "firing", "receiver": "greenlight", "groupKey": "{}",
         "alerts": [{"status": "firing",
                     "labels": {"alertname": "PodsOOMKilled", "service": "checkout-api"},
                     "annotations": {"summary": "pods OOMKilled and restarting"},
                     "startsAt": "%s", "endsAt": "0001-01-01T00:00:00Z",
                     "fingerprint": "%s"}]}
        """
        .formatted(startsAt, fingerprint);
  }
}
