package dev.greenlight.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import dev.greenlight.api.Decision;
import dev.greenlight.api.Refusal;
import dev.greenlight.telemetry.LogContext;
import dev.greenlight.telemetry.Meters;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** The bot's side of the meters and the logging context, around a fake Temporal. */
class ObservedIncidentsMetricsTest {
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final FakeIncidents fake = new FakeIncidents();
  final ObservedIncidents incidents = new ObservedIncidents(fake, meters);
  final Decision approve = new Decision(Decision.Verdict.APPROVE, "U0X", "n", null, 0, "c1", null);

  @AfterEach
  void clear() {
    LogContext.clear();
  }

  @Test
  void refusalsAndUndeliveredClicksAreCountedByReason() {
    incidents.noteRefusal(
        "incident-GL-1", approve, new Refusal(Refusal.Reason.NOT_AN_APPROVER, List.of()));
    fake.answering(Incidents.SignalResult.INCIDENT_CLOSED);
    incidents.signal("incident-GL-1", approve);
    fake.answering(Incidents.SignalResult.DELIVERED);
    incidents.signal("incident-GL-1", approve);

    assertThat(refused("not_an_approver")).isEqualTo(1);
    assertThat(refused("incident_closed")).isEqualTo(1);
    assertThat(meters.find(Meters.CLICKS_REFUSED).counters()).hasSize(2);
    assertThat(fake.signals).hasSize(2);
  }

  @Test
  void aClickPutsItsIncidentInTheLoggingContextUntilTheAck() throws Exception {
    List<String> during = new java.util.ArrayList<>();
    MiddlewareChain handler =
        req -> {
          incidents.decidedBy("incident-GL-7");
          during.add(MDC.get(LogContext.INCIDENT_ID) + " " + MDC.get(LogContext.WORKFLOW_ID));
          return Response.ok();
        };
    Request<?> req = new SlashCommandRequest("command=%2Fremediate&text=x", null);

    Response r = new AckTimer(meters).apply(req, Response.ok(), handler);

    assertThat(r.getStatusCode()).isEqualTo(200);
    assertThat(during).containsExactly("GL-7 incident-GL-7");
    assertThat(MDC.get(LogContext.INCIDENT_ID)).isNull();
    assertThat(MDC.get(LogContext.WORKFLOW_ID)).isNull();
    assertThat(meters.get(Meters.SLACK_ACK).tag("type", "command").timer().count()).isEqualTo(1);
  }

  private double refused(String reason) {
    return meters.get(Meters.CLICKS_REFUSED).tags("reason", reason, "by", "bot").counter().count();
  }
}
