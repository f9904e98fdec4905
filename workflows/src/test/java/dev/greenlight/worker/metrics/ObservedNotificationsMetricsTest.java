package dev.greenlight.worker.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.activities.NotificationActivities;
import dev.greenlight.api.CardRef;
import dev.greenlight.api.Classification;
import dev.greenlight.api.GateState;
import dev.greenlight.api.GateView;
import dev.greenlight.api.IncidentCard;
import dev.greenlight.api.Refusal;
import dev.greenlight.api.Risk;
import dev.greenlight.api.ThreadUpdate;
import dev.greenlight.api.ThreadUpdate.Step;
import dev.greenlight.config.ConfigLoader;
import dev.greenlight.config.GreenlightConfig;
import dev.greenlight.telemetry.LogContext;
import dev.greenlight.telemetry.Meters;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class ObservedNotificationsMetricsTest {
  static final long OPENED = 1_700_000_000_000L;
  static final CardRef REF = new CardRef("C1", "1.0");

  final GreenlightConfig config = ConfigLoader.loadDemo();
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final List<String> seen = new ArrayList<>();
  final FakeAttempt attempt = new FakeAttempt();
  final ObservedNotifications notifications =
      new ObservedNotifications(new Recording(), config, meters, attempt);

  @Test
  void theFirstCardCountsTheIncidentByItsRoute() {
    notifications.postCard("C1", card(gate(GateState.OPEN, 0)));
    notifications.postCard("C1", card(gate(GateState.AUTO_APPROVED, OPENED)));
    notifications.postCard("C1", card(gate(GateState.CHOOSING, 0)));
    notifications.postCard("C1", card(gate(GateState.OPEN, 0)));

    assertThat(count(Meters.INCIDENTS_STARTED, "route", "human")).isEqualTo(2);
    assertThat(count(Meters.INCIDENTS_STARTED, "route", "auto")).isEqualTo(1);
    assertThat(count(Meters.INCIDENTS_STARTED, "route", "unknown")).isEqualTo(1);
    assertThat(seen).hasSize(4);
  }

  @Test
  void anApprovalCountsItsOutcomeAndTheWaitFromTheGatesOpening() {
    long decided = OPENED + Duration.ofMinutes(7).toMillis();
    IncidentCard approved = card(gate(GateState.APPROVED, decided));

    notifications.postUpdate(REF, approved, new ThreadUpdate(Step.APPROVED, "U1", null));

    assertThat(count(Meters.GATE_OUTCOMES, "outcome", "approved")).isEqualTo(1);
    var wait = meters.get(Meters.GATE_WAIT).tag("outcome", "approved").timer();
    assertThat(wait.count()).isEqualTo(1);
    assertThat(wait.totalTime(TimeUnit.MINUTES)).isEqualTo(7.0);
  }

  @Test
  void aRecoveryCountsTheEndAndTheTimeFromApprovalToVerified() {
    long decided = OPENED + 60_000;
    attempt.scheduled = decided + Duration.ofSeconds(90).toMillis();

    notifications.postUpdate(
        REF, card(gate(GateState.APPROVED, decided)), new ThreadUpdate(Step.RECOVERED, null, "ok"));

    assertThat(count(Meters.INCIDENTS_ENDED, "outcome", "recovered")).isEqualTo(1);
    var t = meters.get(Meters.APPROVAL_TO_VERIFIED).timer();
    assertThat(t.totalTime(TimeUnit.SECONDS)).isEqualTo(90.0);
  }

  @Test
  void anAlertResolvedAtTheGateEndsTheIncidentButNotWhileItsActionRuns() {
    notifications.postUpdate(
        REF,
        card(gate(GateState.APPROVED, OPENED)),
        new ThreadUpdate(Step.ALERT_RESOLVED, null, "at 14:07 UTC. The action … is not cancelled"));
    assertThat(meters.find(Meters.INCIDENTS_ENDED).counters()).isEmpty();

    notifications.postUpdate(
        REF,
        card(gate(GateState.RESOLVED, OPENED + 60_000)),
        new ThreadUpdate(Step.ALERT_RESOLVED, null, "at 14:07 UTC. Nothing was run"));
    assertThat(count(Meters.INCIDENTS_ENDED, "outcome", "alert_resolved")).isEqualTo(1);
    assertThat(count(Meters.GATE_OUTCOMES, "outcome", "resolved")).isEqualTo(1);
  }

  @Test
  void rejectionsExpiriesAndEscalationsAreGateOutcomes() {
    IncidentCard rejected = card(gate(GateState.REJECTED, OPENED + 1000));
    notifications.postUpdate(REF, rejected, new ThreadUpdate(Step.REJECTED, "U1", "no"));
    notifications.postUpdate(REF, rejected, new ThreadUpdate(Step.ESCALATION, null, null));
    notifications.postUpdate(
        REF,
        card(gate(GateState.EXPIRED, OPENED + 4 * 3_600_000L)),
        new ThreadUpdate(Step.EXPIRED, null, null));

    assertThat(count(Meters.GATE_OUTCOMES, "outcome", "rejected")).isEqualTo(1);
    assertThat(count(Meters.GATE_OUTCOMES, "outcome", "escalated")).isEqualTo(1);
    assertThat(count(Meters.GATE_OUTCOMES, "outcome", "expired")).isEqualTo(1);
    assertThat(count(Meters.INCIDENTS_ENDED, "outcome", "rejected")).isEqualTo(1);
    assertThat(count(Meters.INCIDENTS_ENDED, "outcome", "expired")).isEqualTo(1);
    assertThat(
            meters
                .get(Meters.GATE_WAIT)
                .tag("outcome", "expired")
                .timer()
                .totalTime(TimeUnit.HOURS))
        .isEqualTo(4.0);
  }

  @Test
  void aRetriedActivityCountsNothingAgainButStillCallsSlack() {
    attempt.number = 2;
    notifications.postCard("C1", card(gate(GateState.OPEN, 0)));
    notifications.postUpdate(
        REF,
        card(gate(GateState.APPROVED, OPENED + 1)),
        new ThreadUpdate(Step.APPROVED, "U1", null));
    notifications.tellUser(REF, "U1", new Refusal(Refusal.Reason.NOT_AN_APPROVER, List.of()));

    assertThat(meters.find(Meters.INCIDENTS_STARTED).counters()).isEmpty();
    assertThat(meters.find(Meters.GATE_OUTCOMES).counters()).isEmpty();
    assertThat(meters.find(Meters.CLICKS_REFUSED).counters()).isEmpty();
    assertThat(seen).containsExactly("postCard", "postUpdate", "tellUser");
  }

  @Test
  void refusalsTheWorkflowMadeAreCountedByReason() {
    notifications.tellUser(REF, "U1", new Refusal(Refusal.Reason.NOT_AN_APPROVER, List.of()));

    assertThat(
            meters
                .get(Meters.CLICKS_REFUSED)
                .tags("reason", "not_an_approver", "by", "workflow")
                .counter()
                .count())
        .isEqualTo(1);
  }

  @Test
  void theIncidentsIdsAreInTheLoggingContextDuringTheCallOnly() {
    List<String> during = new ArrayList<>();
    ObservedNotifications n =
        new ObservedNotifications(
            new Recording() {
              @Override
              public void updateCard(CardRef card, IncidentCard content) {
                during.add(MDC.get(LogContext.INCIDENT_ID) + " " + MDC.get(LogContext.WORKFLOW_ID));
              }
            },
            config,
            meters,
            attempt);

    n.updateCard(REF, card(gate(GateState.OPEN, 0)));

    assertThat(during).containsExactly("GL-TEST0001 incident-GL-TEST0001");
    assertThat(MDC.get(LogContext.INCIDENT_ID)).isNull();
  }

  private double count(String name, String key, String value) {
    return meters.get(name).tag(key, value).counter().count();
  }

  private GateView gate(GateState state, long decidedAt) {
    return gate(config, state, decidedAt);
  }

  /** A medium-risk gate opened at {@link #OPENED} under {@code config}'s (demo: 4h) timeout. */
  static GateView gate(GreenlightConfig config, GateState state, long decidedAt) {
    long deadline = OPENED + config.approvals().get(Risk.MEDIUM).timeout().toMillis();
    return new GateView(
        state,
        "n",
        1,
        true,
        "U0",
        List.of("U1"),
        false,
        List.of("U1"),
        null,
        null,
        decidedAt,
        deadline,
        0);
  }

  private static IncidentCard card(GateView gate) {
    Classification c =
        new Classification("oom-killed", 0.9, "restart-oom-pods", Risk.MEDIUM, "POST x", null, "m");
    return new IncidentCard(
        "GL-TEST0001", "incident-GL-TEST0001", "checkout-api", "text", "U0", c, gate);
  }

  static final class FakeAttempt implements ActivityAttempt {
    int number = 1;
    long scheduled = OPENED;

    @Override
    public boolean first() {
      return number == 1;
    }

    @Override
    public long scheduledMillis() {
      return scheduled;
    }

    @Override
    public String workflowId() {
      return "incident-GL-TEST0001";
    }
  }

  class Recording implements NotificationActivities {
    @Override
    public CardRef postCard(String channelId, IncidentCard card) {
      seen.add("postCard");
      return REF;
    }

    @Override
    public void updateCard(CardRef card, IncidentCard content) {
      seen.add("updateCard");
    }

    @Override
    public void postUpdate(CardRef card, IncidentCard content, ThreadUpdate update) {
      seen.add("postUpdate");
    }

    @Override
    public void tellUser(CardRef card, String userId, Refusal refusal) {
      seen.add("tellUser");
    }
  }
}
