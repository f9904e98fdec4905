package dev.greenlight.bot.slack;

import dev.greenlight.api.AuditEntry;
import dev.greenlight.api.CardRef;
import dev.greenlight.api.Decision;
import dev.greenlight.api.IncidentRequest;
import dev.greenlight.api.IncidentSummary;
import dev.greenlight.api.Refusal;
import dev.greenlight.telemetry.LogContext;
import dev.greenlight.telemetry.Meters;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Optional;

/**
 * {@link Incidents} as the handlers see it, plus what operations want from the bot's side: each
 * call puts the incident's IDs in the logging context (cleared by {@link AckTimer} when the
 * interaction is acked), starts are counted by result, and refused clicks by reason: the bot's own
 * refusals, clicks on closed incidents and decisions Temporal could not take.
 */
final class ObservedIncidents implements Incidents {
  private final Incidents delegate;
  private final MeterRegistry meters;

  ObservedIncidents(Incidents delegate, MeterRegistry meters) {
    this.delegate = delegate;
    this.meters = meters;
  }

  @Override
  public StartResult start(IncidentRequest request) {
    LogContext.set(request.incidentId(), null);
    try {
      StartResult result = delegate.start(request);
      requested(Meters.tag(result));
      return result;
    } catch (TemporalUnreachable e) {
      requested("temporal_unreachable");
      throw e;
    }
  }

  @Override
  public List<String> decidedBy(String workflowId) {
    LogContext.set(null, workflowId);
    return delegate.decidedBy(workflowId);
  }

  @Override
  public SignalResult signal(String workflowId, Decision decision) {
    LogContext.set(null, workflowId);
    SignalResult result = delegate.signal(workflowId, decision);
    switch (result) {
      case INCIDENT_CLOSED -> refused("incident_closed");
      case UNREACHABLE -> refused("temporal_unreachable");
      case PENDING -> {
        // Still being delivered: the workflow will decide when it arrives.
      }
      case DELIVERED -> {
        // Delivered: the workflow decides, and tells the clicker when it does not count it.
      }
    }
    return result;
  }

  @Override
  public void noteRefusal(String workflowId, Decision decision, Refusal refusal) {
    refused(Meters.tag(refusal.reason()));
    delegate.noteRefusal(workflowId, decision, refusal);
  }

  @Override
  public Optional<List<AuditEntry>> audit(String incidentId) {
    LogContext.set(incidentId, null);
    return delegate.audit(incidentId);
  }

  @Override
  public SignalResult resetBreaker(String workflowId, String userId, CardRef card, String clickId) {
    LogContext.set(null, workflowId);
    return delegate.resetBreaker(workflowId, userId, card, clickId);
  }

  @Override
  public List<IncidentSummary> open(int limit) {
    return delegate.open(limit);
  }

  @Override
  public Optional<IncidentSummary> summary(String incidentId) {
    LogContext.set(incidentId, null);
    return delegate.summary(incidentId);
  }

  @Override
  public boolean unknown(String workflowId) {
    return delegate.unknown(workflowId);
  }

  @Override
  public String unknownText(String incidentId, boolean fromCard) {
    return delegate.unknownText(incidentId, fromCard);
  }

  private void requested(String result) {
    meters.counter(Meters.INCIDENTS_REQUESTED, "result", result).increment();
  }

  private void refused(String reason) {
    meters.counter(Meters.CLICKS_REFUSED, "reason", reason, "by", "bot").increment();
  }
}
