package dev.greenlight.bot.durability;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Two bot replicas (separate processes, one Temporal server, one worker) receive the same alert at
 * the same moment, as behind a load balancer or from two Alertmanagers: one incident, one card.
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
    String body = payload("fp-replicas", starts);
    OkHttpClient http = new OkHttpClient();
    ExecutorService pool = Executors.newFixedThreadPool(6);
    List<Future<Integer>> sent = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      int port = i % 2 == 0 ? portA : portB;
      sent.add(pool.submit((Callable<Integer>) () -> post(http, port, body)));
    }
    int started = 0;
    for (Future<Integer> f : sent) {
      started += f.get();
    }
    pool.shutdown();
    assertThat(started).as("incidents started over all deliveries\n" + logs()).isEqualTo(1);

    String id = IncidentIds.fromAlert("alertmanager", "fp-replicas@" + starts.toEpochMilli());
    awaitReply(CHANNEL, "Waiting for approval");
    Thread.sleep(Duration.ofSeconds(1).toMillis());
    assertThat(slack.messages(CHANNEL))
        .filteredOn(m -> m.text().startsWith("Incident "))
        .singleElement()
        .satisfies(m -> assertThat(m.text()).contains(id));
  }

  private static Map<String, String> receiver(int port) {
    return Map.of("GREENLIGHT_ALERTS_PORT", String.valueOf(port), "GREENLIGHT_ALERTS_TOKEN", TOKEN);
  }

  /** How many incidents this delivery started (0 or 1). */
  private static int post(OkHttpClient http, int port, String body) throws Exception {
    Request r =
        new Request.Builder()
            .url("http://127.0.0.1:" + port + "/alerts/alertmanager")
            .header("Authorization", "Bearer " + TOKEN)
            .post(RequestBody.create(body, MediaType.get("application/json")))
            .build();
    try (Response response = http.newCall(r).execute()) {
      String text = response.body().string();
      assertThat(response.code()).as(text).isEqualTo(200);
      return new com.fasterxml.jackson.databind.ObjectMapper()
          .readTree(text)
          .path("started")
          .asInt();
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
