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
 * @param rails the circuit breaker and the change freezes ({@link RailsPolicy#NONE} in incidents
 *     started before the rails)
 * @param searchAttributes whether the workflow upserts Greenlight's search attributes (they must be
 *     registered on the server first)
 */
public record PolicySnapshot(
    double confidenceFloor,
    List<Principal> approvers,
    String onCall,
    Map<Risk, GateRule> tiers,
    Map<String, List<Principal>> runbookApprovers,
    List<RunbookChoice> runbooks,
    RailsPolicy rails,
    boolean searchAttributes) {
  public PolicySnapshot {
    rails = rails == null ? RailsPolicy.NONE : rails;
    approvers = List.copyOf(approvers);
    tiers = Map.copyOf(tiers);
    runbookApprovers = Map.copyOf(runbookApprovers);
    runbooks = List.copyOf(runbooks);
  }

  /** A snapshot without rails or search attributes. */
  public PolicySnapshot(
      double confidenceFloor,
      List<Principal> approvers,
      String onCall,
      Map<Risk, GateRule> tiers,
      Map<String, List<Principal>> runbookApprovers,
      List<RunbookChoice> runbooks) {
    this(
        confidenceFloor,
        approvers,
        onCall,
        tiers,
        runbookApprovers,
        runbooks,
        RailsPolicy.NONE,
        false);
  }

  /** The same policy with {@code newRails}. */
  public PolicySnapshot withRails(RailsPolicy newRails, boolean upsertSearchAttributes) {
    return new PolicySnapshot(
        confidenceFloor,
        approvers,
        onCall,
        tiers,
        runbookApprovers,
        runbooks,
        newRails,
        upsertSearchAttributes);
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
