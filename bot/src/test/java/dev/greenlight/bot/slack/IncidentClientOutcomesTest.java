package dev.greenlight.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.api.Decision;
import dev.greenlight.api.IncidentRequest;
import dev.greenlight.bot.slack.Incidents.SignalResult;
import dev.greenlight.bot.slack.Incidents.StartResult;
import dev.greenlight.config.ConfigLoader;
import dev.greenlight.worker.TemporalConnection;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link IncidentClient} against the embedded Temporal server with no worker running: Temporal's
 * answers come back as Greenlight outcomes.
 */
class IncidentClientOutcomesTest {
  private final TemporalConnection temporal = TemporalConnection.connect(Map.of());
  private final IncidentClient client = new IncidentClient(temporal.client());

  @AfterEach
  void stop() {
    temporal.close();
  }

  @Test
  void anIncidentStartsOnceAndTakesSignalsWhileNoWorkerRuns() {
    IncidentRequest request = request("GL-OUTCOME1");

    assertThat(client.start(request)).isEqualTo(StartResult.STARTED);
    assertThat(client.start(request)).isEqualTo(StartResult.ALREADY_STARTED);
    assertThat(client.signal("incident-GL-OUTCOME1", approval())).isEqualTo(SignalResult.DELIVERED);
  }

  @Test
  void anUnknownIncidentIsClosedToSignalsAndHasNoTimeline() {
    assertThat(client.signal("incident-GL-UNKNOWN0", approval()))
        .isEqualTo(SignalResult.INCIDENT_CLOSED);
    assertThat(client.audit("GL-UNKNOWN0")).isEmpty();
  }

  @Test
  void anUnreachableTemporalIsReportedWithoutItsTypes() {
    temporal.close();

    assertThat(client.signal("incident-GL-OUTCOME3", approval()))
        .isEqualTo(SignalResult.UNREACHABLE);
    assertThatThrownBy(() -> client.start(request("GL-OUTCOME3")))
        .isInstanceOf(TemporalUnreachable.class);
    assertThatThrownBy(() -> client.audit("GL-OUTCOME3")).isInstanceOf(TemporalUnreachable.class);
  }

  private static IncidentRequest request(String incidentId) {
    return new IncidentRequest(
        incidentId,
        "checkout-api",
        "pods OOMKilled",
        "U0DAVE",
        "C0TEST",
        ConfigLoader.loadDemo().policySnapshot());
  }

  private static Decision approval() {
    return new Decision(Decision.Verdict.APPROVE, "U0ALICE", "nonce-1", null, 0, "1.0");
  }
}
