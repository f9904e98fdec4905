package dev.greenlight.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The policy in force when the incident started. It travels in the workflow input so that a config
 * change never alters a running incident's rules, and replays stay deterministic.
 *
 * @param confidenceFloor a low-risk classification at or above it runs without a person
 * @param approvers the global approvers (Slack users and user groups)
 * @param onCall who failures and escalations go to (a Slack user ID)
 * @param tiers each risk tier's gate rule
 * @param runbookApprovers per-runbook approver overrides; a missing runbook means the global list
 * @param runbooks the catalog a person may pick from when nothing matched
 */
public record PolicySnapshot(
    double confidenceFloor,
    List<Principal> approvers,
    String onCall,
    Map<Risk, GateRule> tiers,
    Map<String, List<Principal>> runbookApprovers,
    List<RunbookChoice> runbooks) {
  public PolicySnapshot {
    approvers = List.copyOf(approvers);
    tiers = Map.copyOf(tiers);
    runbookApprovers = Map.copyOf(runbookApprovers);
    runbooks = List.copyOf(runbooks);
  }

  /** The gate rule of a risk tier. */
  public GateRule rule(Risk risk) {
    return Objects.requireNonNull(tiers.get(risk), () -> "no gate rule for risk " + risk);
  }

  /** Who may decide on a runbook: its override, or the global approvers. */
  public List<Principal> approversFor(String runbookId) {
    return runbookId == null ? approvers : runbookApprovers.getOrDefault(runbookId, approvers);
  }
}
