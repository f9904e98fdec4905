package dev.greenlight.worker.metrics;

import dev.greenlight.activities.NotificationActivities;
import dev.greenlight.api.CardRef;
import dev.greenlight.api.GateView;
import dev.greenlight.api.IncidentCard;
import dev.greenlight.api.Refusal;
import dev.greenlight.api.Risk;
import dev.greenlight.api.ThreadUpdate;
import dev.greenlight.api.UndoOffer;
import dev.greenlight.config.GreenlightConfig;
import dev.greenlight.config.TierRule;
import dev.greenlight.telemetry.LogContext;
import dev.greenlight.telemetry.Meters;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Counts what an incident does from the notifications its workflow sends, so workflow code stays
 * free of meters: the first card says how the incident was routed, each thread step says how the
 * gate and the incident ended, and the card's gate carries the times. Only an activity's first
 * attempt counts, so a retried Slack call counts once; the count never depends on Slack answering.
 *
 * <p>The gate's opening time is its deadline less the tier's timeout in this worker's catalog (the
 * gate view carries the deadline, not the opening); after a change of a tier's timeout, gates
 * opened before the change are measured with the new timeout.
 */
public final class ObservedNotifications implements NotificationActivities {
  /** Histogram buckets of the gate wait and of approval-to-verified. */
  static final Duration[] BUCKETS = {
    Duration.ofSeconds(10),
    Duration.ofSeconds(30),
    Duration.ofMinutes(1),
    Duration.ofMinutes(2),
    Duration.ofMinutes(5),
    Duration.ofMinutes(10),
    Duration.ofMinutes(15),
    Duration.ofMinutes(30),
    Duration.ofHours(1),
    Duration.ofHours(2),
    Duration.ofHours(4),
    Duration.ofHours(8),
    Duration.ofHours(24)
  };

  private final NotificationActivities delegate;
  private final GreenlightConfig config;
  private final MeterRegistry meters;
  private final ActivityAttempt attempt;

  public ObservedNotifications(
      NotificationActivities delegate, GreenlightConfig config, MeterRegistry meters) {
    this(delegate, config, meters, ActivityAttempt.CURRENT);
  }

  ObservedNotifications(
      NotificationActivities delegate,
      GreenlightConfig config,
      MeterRegistry meters,
      ActivityAttempt attempt) {
    this.delegate = delegate;
    this.config = config;
    this.meters = meters;
    this.attempt = attempt;
  }

  @Override
  public CardRef postCard(String channelId, IncidentCard card) {
    try (LogContext ignored = LogContext.of(card.incidentId(), card.workflowId())) {
      if (attempt.first()) {
        meters.counter(Meters.INCIDENTS_STARTED, "route", route(card.gate())).increment();
      }
      return delegate.postCard(channelId, card);
    }
  }

  @Override
  public void updateCard(CardRef card, IncidentCard content) {
    try (LogContext ignored = LogContext.of(content.incidentId(), content.workflowId())) {
      delegate.updateCard(card, content);
    }
  }

  @Override
  public void postUpdate(CardRef card, IncidentCard content, ThreadUpdate update) {
    try (LogContext ignored = LogContext.of(content.incidentId(), content.workflowId())) {
      if (attempt.first()) {
        observe(content, update.step());
      }
      delegate.postUpdate(card, content, update);
    }
  }

  @Override
  public void tellUser(CardRef card, String userId, Refusal refusal) {
    try (LogContext ignored = LogContext.of(null, attempt.workflowId())) {
      if (attempt.first()) {
        meters
            .counter(
                Meters.CLICKS_REFUSED, "reason", Meters.tag(refusal.reason()), "by", "workflow")
            .increment();
      }
      delegate.tellUser(card, userId, refusal);
    }
  }

  @Override
  public CardRef offerUndo(CardRef card, IncidentCard content, UndoOffer offer) {
    try (LogContext ignored = LogContext.of(content.incidentId(), content.workflowId())) {
      return delegate.offerUndo(card, content, offer);
    }
  }

  @Override
  public void updateUndo(CardRef message, IncidentCard content, UndoOffer offer) {
    try (LogContext ignored = LogContext.of(content.incidentId(), content.workflowId())) {
      delegate.updateUndo(message, content, offer);
    }
  }

  /** The route the first card shows: policy approved, a person decides, or nothing matched. */
  static String route(GateView gate) {
    return switch (gate.state()) {
      case AUTO_APPROVED -> "auto";
      case OPEN -> "human";
      case CHOOSING, NONE -> "unknown";
      default -> Meters.tag(gate.state());
    };
  }

  private void observe(IncidentCard content, ThreadUpdate.Step step) {
    GateView gate = content.gate();
    switch (step) {
      case AUTO_APPROVED -> gateOutcome("auto_approved");
      case APPROVED, RUNBOOK_PICKED -> decided(content, gateOutcome(step));
      case REJECTED, EXPIRED -> {
        decided(content, gateOutcome(step));
        ended(step);
      }
      case CLOSED -> {
        decided(content, gateOutcome(step));
        ended(ThreadUpdate.Step.NO_RUNBOOK);
      }
      case ESCALATION -> gateOutcome("escalated");
      case RECOVERED -> {
        ended(step);
        if (gate.decidedAtMillis() > 0) {
          record(
              Meters.APPROVAL_TO_VERIFIED,
              null,
              attempt.scheduledMillis() - gate.decidedAtMillis());
        }
      }
      case ESCALATED, REMEDIATION_FAILED, NO_RUNBOOK -> ended(step);
      case ALERT_RESOLVED -> {
        // Ended only when the gate closed for it; a running action goes on to its own end.
        if (gate.state() == dev.greenlight.api.GateState.RESOLVED) {
          decided(content, gateOutcome("resolved"));
          ended(step);
        }
      }
      default -> {
        // Progress steps (classified, waiting, reminders, remediation started...) count nothing.
      }
    }
  }

  private String gateOutcome(Object outcome) {
    String tag = Meters.tag(outcome);
    meters.counter(Meters.GATE_OUTCOMES, "outcome", tag).increment();
    return tag;
  }

  private void ended(ThreadUpdate.Step step) {
    meters.counter(Meters.INCIDENTS_ENDED, "outcome", Meters.tag(step)).increment();
  }

  /** The gate's wait, from its opening (deadline less the tier's timeout) to its decision. */
  private void decided(IncidentCard content, String outcome) {
    GateView gate = content.gate();
    if (gate.decidedAtMillis() <= 0 || gate.deadlineMillis() <= 0) {
      return;
    }
    // A gate to pick a runbook (nothing matched) runs under the medium tier's rule.
    Risk risk =
        content.classification() != null && content.classification().matched()
            ? content.classification().risk()
            : Risk.MEDIUM;
    TierRule tier = config.approvals().get(risk);
    if (tier == null) {
      return;
    }
    long opened = gate.deadlineMillis() - tier.timeout().toMillis();
    record(Meters.GATE_WAIT, outcome, gate.decidedAtMillis() - opened);
  }

  private void record(String name, String outcome, long millis) {
    if (millis < 0) {
      return;
    }
    Timer.Builder b =
        Timer.builder(name)
            .description(
                name.equals(Meters.GATE_WAIT)
                    ? "Time from the gate's opening to its decision"
                    : "Time from the approval to the verified recovery")
            .serviceLevelObjectives(BUCKETS)
            .minimumExpectedValue(BUCKETS[0])
            .maximumExpectedValue(BUCKETS[BUCKETS.length - 1]);
    if (outcome != null) {
      b.tag("outcome", outcome);
    }
    b.register(meters).record(Duration.ofMillis(millis));
  }
}
