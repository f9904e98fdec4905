package dev.greenlight.api;

import java.util.List;

/**
 * Everything the incident card shows. The bot renders it; the workflow only fills it in.
 *
 * @param gate the gate as it stands: state, the nonce the buttons carry (when open), approvals so
 *     far, who decided and when
 * @param choices the runbooks a person may pick when nothing matched (empty otherwise)
 */
public record IncidentCard(
    String incidentId,
    String workflowId,
    String service,
    String text,
    String requesterId,
    Classification classification,
    GateView gate,
    List<RunbookChoice> choices) {
  public IncidentCard {
    choices = choices == null ? List.of() : List.copyOf(choices);
  }

  public IncidentCard(
      String incidentId,
      String workflowId,
      String service,
      String text,
      String requesterId,
      Classification classification,
      GateView gate) {
    this(incidentId, workflowId, service, text, requesterId, classification, gate, List.of());
  }

  /** The same card with the gate moved on. */
  public IncidentCard withGate(GateView newGate) {
    return new IncidentCard(
        incidentId, workflowId, service, text, requesterId, classification, newGate, choices);
  }

  /** The same card offering {@code newChoices} to pick from. */
  public IncidentCard withChoices(List<RunbookChoice> newChoices) {
    return new IncidentCard(
        incidentId, workflowId, service, text, requesterId, classification, gate, newChoices);
  }

  /** The same card with a new classification (a changed proposal). */
  public IncidentCard withClassification(Classification c) {
    return new IncidentCard(incidentId, workflowId, service, text, requesterId, c, gate, choices);
  }
}
