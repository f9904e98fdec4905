package dev.greenlight.bot.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.greenlight.config.GenericAlertSource;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Alertmanager's version 4 body and a generic source's body, read or refused naming the field. */
class AlertPayloadsTest {
  private static final String ONE =
      """
      {"version": "4", "groupKey": "{}:{alertname=\\"PodsOOMKilled\\"}", "status": "firing",
       "receiver": "greenlight", "truncatedAlerts": 0,
       "alerts": [{"status": "firing",
                   "labels": {"alertname": "PodsOOMKilled", "service": "checkout-api"},
                   "annotations": {"summary": "pods OOMKilled", "description": "since 14:02"},
                   "startsAt": "2026-12-01T14:02:00.123+01:00",
                   "endsAt": "0001-01-01T00:00:00Z",
                   "generatorURL": "http://prometheus/graph", "fingerprint": "c0ffee"}]}
      """;

  private static List<Alert> alertmanager(String body) throws BadPayload {
    return AlertmanagerPayload.parse(body.getBytes(StandardCharsets.UTF_8));
  }

  private static String refusal(String body) {
    BadPayload e = catchThrowableOfType(() -> alertmanager(body), BadPayload.class);
    assertThat(e).as("refused: " + body).isNotNull();
    return e.getMessage();
  }

  @Test
  void anAlertmanagerAlertIsReadWithItsTimesInUtc() throws Exception {
    Alert a = alertmanager(ONE).get(0);
    assertThat(a.source()).isEqualTo("alertmanager");
    assertThat(a.resolved()).isFalse();
    assertThat(a.name()).isEqualTo("PodsOOMKilled");
    assertThat(a.labels()).containsEntry("service", "checkout-api");
    assertThat(a.summary()).isEqualTo("pods OOMKilled");
    assertThat(a.startsAtMillis())
        .isEqualTo(java.time.Instant.parse("2026-12-01T13:02:00.123Z").toEpochMilli());
    assertThat(a.endsAtMillis()).isZero();
    assertThat(a.key()).isEqualTo("c0ffee@" + a.startsAtMillis());
  }

  @Test
  void everyBadFieldIsNamed() {
    assertThat(refusal("")).contains("empty");
    assertThat(refusal("[]")).contains("must be a JSON object");
    assertThat(refusal("{\"alerts\": []}")).contains("version must be \"4\"", "none");
    assertThat(refusal("{\"version\": \"4\", \"alerts\": []}"))
        .contains("alerts must be a non-empty array");
    assertThat(refusal(ONE.replace("\"status\": \"firing\",\n", "\"status\": \"burning\",\n")))
        .contains("alerts[0].status must be firing or resolved", "'burning'");
    assertThat(refusal(ONE.replace("\"alertname\": \"PodsOOMKilled\", ", "")))
        .contains("alerts[0].labels.alertname is required");
    assertThat(refusal(ONE.replace("\"service\": \"checkout-api\"", "\"service\": {\"x\": 1}")))
        .contains("alerts[0].labels.service must be a string");
    assertThat(refusal(ONE.replace("\"fingerprint\": \"c0ffee\"", "\"fingerprint\": \"\"")))
        .contains("alerts[0].fingerprint is required");
    assertThat(refusal(ONE.replace("2026-12-01T14:02:00.123+01:00", "14:02")))
        .contains("alerts[0].startsAt: '14:02' is not an RFC 3339 time");
  }

  @Test
  void aGenericSourceIsReadByItsPointers() throws Exception {
    GenericAlertSource s =
        new GenericAlertSource(
            "grafana",
            "/events",
            "/title",
            "/id",
            "/at",
            "/state",
            List.of("ok"),
            "",
            "/tags",
            "/message");
    String body =
        """
        {"events": [
          {"title": "Down", "id": 42, "at": 1700000000000, "state": "OK",
           "tags": {"service": "search-api"}, "message": "no answer"},
          {"title": "Slow", "id": "b", "at": "2026-12-01T14:02:00Z", "state": "alerting",
           "tags": {"job": "cart-api"}}]}
        """;
    List<Alert> alerts = GenericPayload.parse(body.getBytes(StandardCharsets.UTF_8), s);
    assertThat(alerts).hasSize(2);
    assertThat(alerts.get(0).resolved()).isTrue();
    assertThat(alerts.get(0).key()).isEqualTo("42@1700000000000");
    assertThat(alerts.get(0).labels()).containsEntry("service", "search-api");
    assertThat(alerts.get(0).summary()).isEqualTo("no answer");
    assertThat(alerts.get(1).resolved()).isFalse();
    assertThat(alerts.get(1).source()).isEqualTo("grafana");

    BadPayload e =
        catchThrowableOfType(
            () ->
                GenericPayload.parse(
                    "{\"events\": [{\"id\": 1}]}".getBytes(StandardCharsets.UTF_8), s),
            BadPayload.class);
    assertThat(e.getMessage()).isEqualTo("/events/0 /title is required (a non-empty string)");
  }
}
