package dev.greenlight.workflows;

import dev.greenlight.api.AuditEntry;
import dev.greenlight.api.Classification;
import dev.greenlight.api.GateView;
import dev.greenlight.api.IncidentCard;
import dev.greenlight.api.IncidentSummary;
import dev.greenlight.api.IncidentSummary.Phase;
import java.util.List;

/** The incident's summary for the views, derived from its state alone (a query changes nothing). */
final class Summaries {
  private Summaries() {}

  static IncidentSummary of(Incident incident) {
    GateView gate = incident.gate().view();
    List<AuditEntry> audit = incident.auditLog();
    IncidentCard card = incident.card();
    Classification c = card == null ? null : card.classification();
    return new IncidentSummary(
        incident.request().incidentId(),
        incident.workflowId(),
        incident.request().service(),
        incident.request().requesterId(),
        audit.isEmpty() ? 0 : audit.get(0).atMillis(),
        phase(incident, gate, audit),
        gate,
        c == null ? null : c.runbookId(),
        c == null ? null : c.risk(),
        incident.cardRef(),
        incident.holds(),
        incident.ended() ? incident.result().outcome() : null);
  }

  private static Phase phase(Incident incident, GateView gate, List<AuditEntry> audit) {
    if (incident.ended()) {
      return Phase.ENDED;
    }
    return switch (gate.state()) {
      case PENDING, NONE, PICKED -> Phase.CLASSIFYING;
      case OPEN -> Phase.WAITING_FOR_APPROVAL;
      case CHOOSING -> Phase.CHOOSING_RUNBOOK;
      // The incident's alert resolved at the gate: it is closing with nothing run.
      case RESOLVED -> Phase.ENDED;
      case APPROVED, AUTO_APPROVED, REJECTED, EXPIRED ->
          actionDoneSince(audit, gate.decidedAtMillis()) ? Phase.VERIFYING : Phase.RUNNING;
    };
  }

  /** Whether the action finished after the gate was decided (the verification runs then). */
  private static boolean actionDoneSince(List<AuditEntry> audit, long decidedAt) {
    return audit.stream()
        .anyMatch(e -> e.kind() == AuditEntry.Kind.ACTION && e.atMillis() >= decidedAt);
  }
}
