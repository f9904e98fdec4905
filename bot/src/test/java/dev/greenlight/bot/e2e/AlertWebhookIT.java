package dev.greenlight.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.bot.slack.Ids;
import dev.greenlight.sandbox.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Alertmanager's webhook end to end: firing starts one incident (repeats and racing deliveries
 * start nothing more), resolved closes a waiting gate with nothing run, grouped alerts, unknown
 * services, and the refusals (bad token, oversized body, malformed JSON) that start nothing.
 */
class AlertWebhookIT extends AlertFixture {

  @Override
  String alertsSection() {
    return """
        alerts:
          channel: C0ALERTS
          hints: {PodsOOMKilled: restart-oom-pods}
          max-open-per-service: 1
          max-open: 100
          generic:
            source: grafana
            alerts: /events
            name: /title
            fingerprint: /id
            status: /state
            resolved-values: [ok]
            service: /tags/service
            summary: /message
        """;
  }

  @Test
  void aFiringAlertStartsOneIncidentAndItsRepeatsStartNothing() throws Exception {
    String body = payload(alert("firing", "PodsOOMKilled", "checkout-api", "fp-checkout", T0));
    Answer first = fire(body);
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.count("started")).isEqualTo(1);

    String id = incidentId("fp-checkout", T0);
    Message card = awaitCard(id);
    assertThat(card.blocks().toString())
        .contains(
            "Reported by *Alertmanager*",
            "PodsOOMKilled",
            "firing since 14:02 UTC",
            "Runbook hint from the alert config",
            "restart-oom-pods",
            "oom-killed");
    awaitReply(id, "Waiting for approval");

    assertThat(fire(body).count("repeated")).isEqualTo(1);
    // Racing deliveries (several replicas, Alertmanager's retries) of the same firing.
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<Answer>> racing = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      racing.add(pool.submit((Callable<Answer>) () -> fire(body)));
    }
    for (Future<Answer> f : racing) {
      assertThat(f.get().count("started")).isZero();
    }
    pool.shutdown();
    Thread.sleep(500);
    assertThat(cards(id)).hasSize(1);
    assertThat(replies(id)).noneMatch(r -> r.contains("Also firing"));
  }

  @Test
  void aResolvedAlertClosesItsWaitingIncidentWithNothingRun() throws Exception {
    fire(payload(alert("firing", "PodsOOMKilled", "orders-api", "fp-orders", T0)));
    String id = incidentId("fp-orders", T0);
    awaitCard(id);
    awaitReply(id, "Waiting for approval");

    Answer resolved =
        fire(payload(alert("resolved", "PodsOOMKilled", "orders-api", "fp-orders", T0)));
    assertThat(resolved.count("resolved")).isEqualTo(1);

    awaitReply(id, "The alert resolved on its own at 14:07 UTC. Nothing was run");
    Message card =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> cards(id).get(0), c -> c.blocks().toString().contains("Resolved on its own"));
    assertThat(card.blocks().toString())
        .doesNotContain(Ids.APPROVE_ACTION)
        .contains("The alert resolved on its own at 14:07 UTC");
    assertThat(targets.actionsFor("orders-api")).isEmpty();
    // A late repeat of the resolved firing starts nothing either.
    assertThat(
            fire(payload(alert("firing", "PodsOOMKilled", "orders-api", "fp-orders", T0)))
                .count("started"))
        .isZero();
  }

  @Test
  void groupedAlertsStartOnePerServiceAndTheRestJoinTheThread() throws Exception {
    Answer a =
        fire(
            payload(
                alert("firing", "PodsOOMKilled", "search-api", "fp-s1", T0),
                alert("firing", "PodsOOMKilled", "cart-api", "fp-c1", T0),
                alert("firing", "HighLatency", "search-api", "fp-s2", T0.plusSeconds(60))));
    assertThat(a.count("started")).isEqualTo(2);
    assertThat(a.count("joined")).isEqualTo(1);

    String search = incidentId("fp-s1", T0);
    awaitCard(search);
    awaitCard(incidentId("fp-c1", T0));
    assertThat(awaitReply(search, "Also firing"))
        .filteredOn(r -> r.contains("Also firing"))
        .singleElement()
        .satisfies(r -> assertThat(r).contains("HighLatency on search-api since 14:03 UTC"));
    assertThat(cards(incidentId("fp-s2", T0.plusSeconds(60)))).isEmpty();

    // The joined alert repeats: a repeat (the intake remembers the join), told once; it
    // resolves: the thread says so.
    assertThat(
            fire(payload(alert("firing", "HighLatency", "search-api", "fp-s2", T0.plusSeconds(60))))
                .count("repeated"))
        .isEqualTo(1);
    fire(payload(alert("resolved", "HighLatency", "search-api", "fp-s2", T0.plusSeconds(60))));
    List<String> replies = awaitReply(search, "No longer firing");
    assertThat(replies).filteredOn(r -> r.contains("Also firing")).hasSize(1);
  }

  @Test
  void anAlertForAServiceOutsideTheCatalogIsReportedOnce() throws Exception {
    Answer a = fire(payload(alert("firing", "DiskFull", "mystery-api", "fp-m1", T0)));
    assertThat(a.count("unknownService")).isEqualTo(1);
    assertThat(a.count("started")).isZero();
    String notice =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () -> notices().stream().filter(t -> t.contains("mystery-api")).toList(),
                n -> !n.isEmpty())
            .get(0);
    assertThat(notice).contains("DiskFull", "not in the catalog", "no incident was started");

    fire(payload(alert("firing", "DiskFull", "mystery-api", "fp-m2", T0)));
    Thread.sleep(500);
    assertThat(notices().stream().filter(t -> t.contains("mystery-api"))).hasSize(1);
  }

  @Test
  void aBadTokenIsRefusedAndStartsNothing() throws Exception {
    String body = payload(alert("firing", "PodsOOMKilled", "ledger-api", "fp-l1", T0));
    Answer wrong = post("/alerts/alertmanager", body, "not-the-token-0123456789");
    Answer none = post("/alerts/alertmanager", body, null);
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(none.status()).isEqualTo(401);
    assertThat(wrong.body().path("reason").asText()).contains("bearer token");
    Thread.sleep(500);
    assertThat(cards(incidentId("fp-l1", T0))).isEmpty();
  }

  @Test
  void anOversizedBodyIsRefusedWith413() throws Exception {
    var a = alert("firing", "PodsOOMKilled", "ledger-api", "fp-l2", T0);
    a.with("annotations").put("description", "x".repeat(MAX_BYTES));
    Answer big = fire(payload(a));
    assertThat(big.status()).isEqualTo(413);
    assertThat(big.body().path("reason").asText()).contains("4096 bytes");
    Thread.sleep(500);
    assertThat(cards(incidentId("fp-l2", T0))).isEmpty();
  }

  @Test
  void malformedPayloadsGet400WithTheReasonAndStartNothing() throws Exception {
    Answer notJson = fire("{\"version\": \"4\", \"alerts\": [");
    assertThat(notJson.status()).isEqualTo(400);
    assertThat(notJson.body().path("reason").asText()).startsWith("the body is not valid JSON");

    var noFingerprint = alert("firing", "PodsOOMKilled", "stock-api", "fp-x", T0);
    noFingerprint.remove("fingerprint");
    Answer missing =
        fire(payload(alert("firing", "PodsOOMKilled", "stock-api", "fp-ok", T0), noFingerprint));
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.body().path("reason").asText())
        .contains("alerts[1].fingerprint is required");

    var badTime = alert("firing", "PodsOOMKilled", "stock-api", "fp-t", T0);
    badTime.put("startsAt", "yesterday");
    assertThat(fire(payload(badTime)).body().path("reason").asText())
        .contains("alerts[0].startsAt", "'yesterday' is not an RFC 3339 time");
    assertThat(fire("{\"version\":\"3\",\"alerts\":[]}").body().path("reason").asText())
        .contains("version must be \"4\"");
    Thread.sleep(500);
    // The valid alert beside the bad one started nothing either: the payload is refused whole.
    assertThat(cards(incidentId("fp-ok", T0))).isEmpty();
  }

  @Test
  void aGenericSourceMapsItsFieldsByConfig() throws Exception {
    String body =
        """
        {"events": [{"title": "PodsOOMKilled", "id": "g-1", "state": "alerting",
                     "tags": {"service": "mail-api"}, "message": "pods OOMKilled and restarting"}]}
        """;
    Answer a = post("/alerts/generic", body, TOKEN);
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.count("started")).isEqualTo(1);
    String id = dev.greenlight.bot.slack.IncidentIds.fromAlert("grafana", "g-1@0");
    assertThat(awaitCard(id).blocks().toString()).contains("Reported by *Grafana*");
    awaitReply(id, "Waiting for approval");

    Answer ok = post("/alerts/generic", body.replace("alerting", "ok"), TOKEN);
    assertThat(ok.count("resolved")).isEqualTo(1);
    awaitReply(id, "resolved on its own");
    assertThat(
            post("/alerts/generic", "{\"events\": [{\"id\": 1}]}", TOKEN)
                .body()
                .path("reason")
                .asText())
        .contains("/events/0 /title is required");
  }
}
