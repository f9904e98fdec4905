package dev.greenlight.bot.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.api.AlertNote;
import dev.greenlight.api.IncidentRequest;
import dev.greenlight.config.ConfigLoader;
import dev.greenlight.config.GreenlightConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How an alert becomes an incident: its service, ID, text and hint. */
class AlertMappingTest {
  private static final GreenlightConfig CONFIG =
      ConfigLoader.parse(
          """
          services: [checkout-api, cart-api]
          approvers: [U0ALICE]
          on-call: U0CAROL
          channel: C0INCIDENTS
          runbooks:
            - id: restart-oom-pods
              label: oom-killed
              risk: medium
              examples: [pods OOMKilled]
              action: {url: "http://127.0.0.1:9/restart?service={service}"}
              verify: {url: "http://127.0.0.1:9/health/{service}"}
          alerts:
            channel: C0ALERTS
            service-labels: [service, deployment, job]
            hints: {PodsOOMKilled: restart-oom-pods}
          """,
          "test.yml");
  private final AlertMapping mapping = new AlertMapping(CONFIG);

  private static Alert alert(Map<String, String> labels, boolean resolved) {
    return new Alert(
        "alertmanager",
        resolved,
        "PodsOOMKilled",
        labels,
        Map.of("summary", "pods OOMKilled <!channel>"),
        "fp1",
        1_700_000_000_000L,
        resolved ? 1_700_000_300_000L : 0,
        null);
  }

  @Test
  void theFirstConfiguredLabelNamesTheServiceAndMustBeInTheCatalog() {
    assertThat(
            mapping.service(alert(Map.of("job", "cart-api", "deployment", "checkout-api"), false)))
        .isEqualTo(new AlertMapping.Service("deployment", "checkout-api", true));
    assertThat(mapping.service(alert(Map.of("service", "nope"), false)).known()).isFalse();
    AlertMapping.Service none = mapping.service(alert(Map.of("team", "x"), false));
    assertThat(none.known()).isFalse();
    assertThat(none.value()).isNull();
  }

  @Test
  void theRequestCarriesTheHintAsMarkedEvidenceAndAStableId() {
    Alert a = alert(Map.of("service", "checkout-api"), false);
    IncidentRequest r = mapping.request(a, "checkout-api");
    assertThat(r.incidentId()).isEqualTo(AlertMapping.incidentId(a)).startsWith("GL-").hasSize(11);
    assertThat(r.incidentId())
        .isNotEqualTo(
            AlertMapping.incidentId(
                new Alert(
                    "alertmanager",
                    false,
                    "PodsOOMKilled",
                    Map.of(),
                    Map.of(),
                    "fp1",
                    1_700_000_000_001L,
                    0,
                    null)));
    assertThat(r.channelId()).isEqualTo("C0ALERTS");
    assertThat(r.requesterId()).isEqualTo("alertmanager");
    assertThat(r.text())
        .startsWith("PodsOOMKilled: pods OOMKilled <!channel>")
        .endsWith("[alert config hint: runbook restart-oom-pods (oom-killed); evidence only]");
    assertThat(r.alert().runbookHint()).isEqualTo("restart-oom-pods");
    assertThat(r.alert().key()).isEqualTo("fp1@1700000000000");
    assertThat(r.policy().runbooks()).hasSize(1);
  }

  @Test
  void aResolvedNoteCarriesWhenItEnded() {
    AlertNote n = AlertMapping.note(alert(Map.of(), true), "cart-api", 5);
    assertThat(n.resolved()).isTrue();
    assertThat(n.atMillis()).isEqualTo(1_700_000_300_000L);
    assertThat(n.key()).isEqualTo("fp1@1700000000000");
  }
}
