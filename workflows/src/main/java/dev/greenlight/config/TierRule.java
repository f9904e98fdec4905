package dev.greenlight.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.greenlight.api.GateRule;
import dev.greenlight.api.Principal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How a risk tier's gate works (key {@code approvals.<tier>}).
 *
 * @param required distinct approvers needed, 1 to 10
 * @param selfApproval whether the person who asked may approve
 * @param timeout when the gate expires (rejected as expired; nothing runs)
 * @param escalation reminders and escalations while the gate waits, each later than the one before
 *     and earlier than {@code timeout}
 */
public record TierRule(
    int required, boolean selfApproval, Duration timeout, List<EscalationStep> escalation) {
  public TierRule {
    Check.between("required", required, 1, 10);
    Check.duration("timeout", timeout, null, null);
    Duration previous = Duration.ZERO;
    for (int i = 0; i < escalation.size(); i++) {
      Duration after = escalation.get(i).after();
      Invalid.require(
          after.compareTo(previous) > 0 && after.compareTo(timeout) < 0,
          "escalation[" + i + "].after",
          " must be later than the step before and earlier than the tier's timeout ("
              + timeout
              + "); got "
              + after);
      previous = after;
    }
    escalation = List.copyOf(escalation);
  }

  /** Remind the approvers at 15 minutes, call in on-call at 45 (when the timeout leaves room). */
  static List<EscalationStep> defaultLadder(Duration timeout) {
    List<EscalationStep> steps = new ArrayList<>();
    if (timeout.compareTo(Duration.ofMinutes(15)) > 0) {
      steps.add(new EscalationStep(Duration.ofMinutes(15), true, false, List.of()));
    }
    if (timeout.compareTo(Duration.ofMinutes(45)) > 0) {
      steps.add(new EscalationStep(Duration.ofMinutes(45), false, true, List.of()));
    }
    return steps;
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
   * One rung of the escalation ladder, written {@code {after: 15m, notify: [approvers, S0LEADS]}}.
   *
   * @param after how long after the gate opened
   * @param notifyApprovers mention the gate's approvers ({@code approvers})
   * @param notifyOnCall mention the on-call person ({@code on-call})
   * @param others further Slack users or user groups to mention (their IDs)
   */
  public record EscalationStep(
      Duration after, boolean notifyApprovers, boolean notifyOnCall, List<Principal> others) {
    public EscalationStep {
      Check.duration("after", after, null, null);
      others = List.copyOf(others);
      Invalid.require(
          notifyApprovers || notifyOnCall || !others.isEmpty(),
          "notify",
          " must name approvers, on-call or Slack IDs");
    }

    /** The step an escalation mapping describes; {@code notify} may be one word or a list. */
    @JsonCreator
    static EscalationStep fromFile(
        @JsonProperty("after") Duration after,
        @JsonProperty("notify") @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            List<String> notify) {
      List<String> targets = notify == null ? List.of() : notify;
      List<Principal> others = new ArrayList<>();
      for (String n : targets) {
        if (!n.equals("approvers") && !n.equals("on-call")) {
          others.add(
              Principal.parse(n)
                  .orElseThrow(
                      () ->
                          new Invalid(
                              "notify",
                              ": '"
                                  + n
                                  + "' is not approvers, on-call, or a Slack user/group ID")));
        }
      }
      return new EscalationStep(
          after, targets.contains("approvers"), targets.contains("on-call"), others);
    }
  }
}
