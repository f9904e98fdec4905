package dev.greenlight.activities;

import dev.greenlight.workflows.GateView;

/**
 * Everything the incident card shows. The bot renders it; the workflow only fills it in.
 *
 * @param gate the gate as it stands: state, the nonce the buttons carry (when open), approvals so
 *     far, who decided and when
 */
public record IncidentCard(
    String incidentId,
    String workflowId,
    String service,
    String text,
    String requesterId,
    Classification classification,
    GateView gate) {

  /** The same card with the gate moved on. */
  public IncidentCard withGate(GateView newGate) {
    return new IncidentCard(
        incidentId, workflowId, service, text, requesterId, classification, newGate);
  }

  /** The same card with a new classification (a changed proposal). */
  public IncidentCard withClassification(Classification c) {
    return new IncidentCard(incidentId, workflowId, service, text, requesterId, c, gate);
  }
}
