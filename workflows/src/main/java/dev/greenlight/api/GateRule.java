package dev.greenlight.api;

import java.util.List;

/**
 * A tier's gate rule as the workflow received it (a snapshot of {@code approvals.<tier>}).
 *
 * @param required distinct approvals needed
 * @param selfApproval whether the requester may approve
 * @param timeoutSeconds when the gate expires
 * @param ladder reminders and escalations, in time order
 */
public record GateRule(
    int required, boolean selfApproval, long timeoutSeconds, List<Escalation> ladder) {
  public GateRule {
    ladder = List.copyOf(ladder);
  }

  /**
   * One rung of the ladder.
   *
   * @param afterSeconds seconds after the gate opened
   * @param approvers mention the gate's approvers
   * @param onCall mention the on-call person
   * @param others further Slack users or user groups to mention
   */
  public record Escalation(
      long afterSeconds, boolean approvers, boolean onCall, List<Principal> others) {
    public Escalation {
      others = List.copyOf(others);
    }
  }
}
