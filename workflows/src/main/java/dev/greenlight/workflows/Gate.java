package dev.greenlight.workflows;

import dev.greenlight.api.Decision;
import dev.greenlight.api.GateCheck;
import dev.greenlight.api.GateRule;
import dev.greenlight.api.GateState;
import dev.greenlight.api.GateView;
import dev.greenlight.api.Refusal;
import dev.greenlight.api.Refusal.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The human gate's state inside the workflow. Plain, deterministic state: no I/O. */
final class Gate {
  private GateState state = GateState.PENDING;
  private String nonce;
  private GateRule rule = new GateRule(1, false, 0, List.of());
  private String requester;
  private List<String> approvers = List.of();
  private boolean viaGroups;
  private final List<String> approvals = new ArrayList<>();
  private String rejectedBy;
  private String rejectReason;
  private long decidedAtMillis;
  private long deadlineMillis;
  private long snoozedUntilMillis;
  private List<String> choices = List.of();
  private String picked;
  private String pickedBy;

  void open(
      String newNonce,
      GateRule newRule,
      String requesterId,
      List<String> allowed,
      boolean groups,
      long now) {
    state = GateState.OPEN;
    nonce = newNonce;
    rule = newRule;
    requester = requesterId;
    approvers = List.copyOf(allowed);
    viaGroups = groups;
    approvals.clear();
    rejectedBy = null;
    rejectReason = null;
    decidedAtMillis = 0;
    deadlineMillis = now + rule.timeoutSeconds() * 1000;
    snoozedUntilMillis = 0;
  }

  /** Opens the gate for choosing one of {@code runbookIds}, or closing the incident. */
  void openChoice(
      String newNonce,
      GateRule newRule,
      String requesterId,
      List<String> allowed,
      boolean groups,
      List<String> runbookIds,
      long now) {
    open(newNonce, newRule, requesterId, allowed, groups, now);
    state = GateState.CHOOSING;
    choices = List.copyOf(runbookIds);
  }

  /** The runbook an approver picked, or null. */
  String picked() {
    return picked;
  }

  String pickedBy() {
    return pickedBy;
  }

  void setApprovers(List<String> allowed) {
    approvers = List.copyOf(allowed);
  }

  /** Applies the decision, or returns why it is refused (then nothing changes). */
  Optional<Refusal> accept(Decision d, long now) {
    Optional<Refusal> refusal = GateCheck.check(view(), d);
    if (refusal.isPresent()) {
      return refusal;
    }
    if (d.verdict() == Decision.Verdict.PICK && !choices.contains(d.runbookId())) {
      return Optional.of(new Refusal(Reason.BAD_CHOICE, List.of()));
    }
    switch (d.verdict()) {
      case PICK -> {
        picked = d.runbookId();
        pickedBy = d.userId();
        close(GateState.PICKED, now);
      }
      case APPROVE -> {
        approvals.add(d.userId());
        if (approvals.size() >= rule.required()) {
          close(GateState.APPROVED, now);
        }
      }
      case REJECT -> {
        rejectedBy = d.userId();
        rejectReason = d.reason().strip();
        close(GateState.REJECTED, now);
      }
      case SNOOZE ->
          snoozedUntilMillis = Math.max(snoozedUntilMillis, now + d.snoozeMinutes() * 60_000L);
    }
    return Optional.empty();
  }

  void autoApprove(long now) {
    close(GateState.AUTO_APPROVED, now);
  }

  void none() {
    state = GateState.NONE;
  }

  void expire(long now) {
    close(GateState.EXPIRED, now);
  }

  /** The incident's alert resolved on its own before anyone decided: nothing will run. */
  void resolve(long now) {
    close(GateState.RESOLVED, now);
  }

  /** The rails ask for {@code n} approvers more at this open gate (a freeze began meanwhile). */
  void requireMore(int n) {
    rule =
        new GateRule(
            rule.required() + n, rule.selfApproval(), rule.timeoutSeconds(), rule.ladder());
  }

  /** The rails refuse what waits at this gate: closed as rejected, by nobody, for {@code why}. */
  void refuse(String why, long now) {
    rejectedBy = null;
    rejectReason = why;
    close(GateState.REJECTED, now);
  }

  private void close(GateState newState, long now) {
    state = newState;
    decidedAtMillis = now;
  }

  boolean isOpen() {
    return state == GateState.OPEN || state == GateState.CHOOSING;
  }

  GateState state() {
    return state;
  }

  String nonce() {
    return nonce;
  }

  GateRule rule() {
    return rule;
  }

  List<String> approvers() {
    return approvers;
  }

  GateView view() {
    return new GateView(
        state,
        isOpen() ? nonce : null,
        rule.required(),
        rule.selfApproval(),
        requester,
        approvers,
        viaGroups,
        approvals,
        rejectedBy,
        rejectReason,
        decidedAtMillis,
        deadlineMillis,
        snoozedUntilMillis);
  }
}
