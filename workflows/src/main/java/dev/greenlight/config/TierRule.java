package dev.greenlight.config;

import dev.greenlight.api.GateRule;
import dev.greenlight.api.Principal;
import java.time.Duration;
import java.util.List;

/**
 * How a risk tier's gate works.
 *
 * @param required distinct approvers needed
 * @param selfApproval whether the person who asked may approve
 * @param timeout when the gate expires (rejected as expired; nothing runs)
 * @param escalation reminders and escalations while the gate waits, in time order
 */
public record TierRule(
    int required, boolean selfApproval, Duration timeout, List<EscalationStep> escalation) {
  public TierRule {
    escalation = List.copyOf(escalation);
  }

  /** This rule as the workflow carries it. */
  public GateRule toGateRule() {
    return new GateRule(
        required,
        selfApproval,
        timeout.toSeconds(),
        escalation.stream()
            .map(
                s ->
                    new GateRule.Escalation(
                        s.after().toSeconds(), s.notifyApprovers(), s.notifyOnCall(), s.others()))
            .toList());
  }

  /**
   * One rung of the escalation ladder.
   *
   * @param after how long after the gate opened
   * @param notifyApprovers mention the gate's approvers
   * @param notifyOnCall mention the on-call person
   * @param others further Slack users or user groups to mention
   */
  public record EscalationStep(
      Duration after, boolean notifyApprovers, boolean notifyOnCall, List<Principal> others) {
    public EscalationStep {
      others = List.copyOf(others);
    }
  }
}
