package dev.greenlight.activities;

import dev.greenlight.workflows.GateState;
import java.util.List;

/**
 * Everything the incident card shows. The bot renders it; the workflow only fills it in.
 *
 * @param nonce the open gate's nonce, carried by the buttons; null when no gate is open
 * @param decidedBy Slack user ID of the person who decided, or null
 * @param decidedAtMillis when the decision or expiry happened (workflow time), or 0
 */
public record IncidentCard(
    String incidentId,
    String workflowId,
    String service,
    String text,
    String requesterId,
    Classification classification,
    GateState gate,
    String nonce,
    List<String> approvers,
    String decidedBy,
    long decidedAtMillis) {
  public IncidentCard {
    approvers = List.copyOf(approvers);
  }

  /** The same card with the gate moved on. */
  public IncidentCard withGate(GateState newGate, String newNonce, String by, long atMillis) {
    return new IncidentCard(
        incidentId,
        workflowId,
        service,
        text,
        requesterId,
        classification,
        newGate,
        newNonce,
        approvers,
        by,
        atMillis);
  }
}
