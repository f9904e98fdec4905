package dev.greenlight.api;

import java.util.List;

/**
 * One incident as {@code /remediate list}, {@code /remediate status} and the App Home show it: read
 * from the workflow's own state with the {@code summary} query.
 *
 * @param startedAtMillis when the request arrived (workflow time)
 * @param runbookId the proposed runbook, or null while classifying or when none matched
 * @param risk the proposal's risk, or null
 * @param card where the card is, once Slack said so; null before
 * @param holds the rails holding the incident back
 * @param outcome how it ended, or null while open
 */
public record IncidentSummary(
    String incidentId,
    String workflowId,
    String service,
    String requesterId,
    long startedAtMillis,
    Phase phase,
    GateView gate,
    String runbookId,
    Risk risk,
    CardRef card,
    List<Hold> holds,
    Outcome outcome) {
  public IncidentSummary {
    holds = holds == null ? List.of() : List.copyOf(holds);
  }

  /** Where the incident is. */
  public enum Phase {
    CLASSIFYING,
    WAITING_FOR_APPROVAL,
    CHOOSING_RUNBOOK,
    RUNNING,
    VERIFYING,
    ENDED
  }

  /**
   * Who the open gate still waits for: its approvers but those who approved, and the requester
   * where they may not approve. Empty when no gate is open.
   */
  public List<String> waitingFor() {
    if (phase != Phase.WAITING_FOR_APPROVAL && phase != Phase.CHOOSING_RUNBOOK) {
      return List.of();
    }
    return gate.approvers().stream()
        .filter(a -> !gate.approvals().contains(a))
        .filter(a -> gate.selfApproval() || !a.equals(gate.requester()))
        .toList();
  }
}
