package dev.greenlight.workflows;

import dev.greenlight.workflows.Refusal.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** The human gate's state inside the workflow. Plain, deterministic state: no I/O. */
public final class Gate {
  static final Set<Integer> SNOOZE_MINUTES = Set.of(30, 120);

  private GateState state = GateState.PENDING;
  private String nonce;
  private GateRule rule = GateRule.legacy(0);
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

  /**
   * Whether {@code d} may count at the gate {@code g}. The bot calls it on the queried view for
   * fast feedback; the workflow calls it again on its own state, which is the one that counts.
   */
  public static Optional<Refusal> check(GateView g, Decision d) {
    boolean choosing = g.state() == GateState.CHOOSING;
    if (g.state() != GateState.OPEN && !choosing) {
      List<String> who = g.rejectedBy() != null ? List.of(g.rejectedBy()) : g.approvals();
      return refuse(Reason.GATE_CLOSED, who);
    }
    if (!Objects.equals(g.nonce(), d.nonce())) {
      return refuse(Reason.STALE_CARD, List.of());
    }
    if (!g.approvers().contains(d.userId())) {
      return refuse(Reason.NOT_AN_APPROVER, g.approvers());
    }
    if (choosing && d.verdict() == Decision.Verdict.APPROVE) {
      return refuse(Reason.BAD_CHOICE, List.of());
    }
    return switch (d.verdict()) {
      case PICK ->
          !choosing || d.runbookId() == null || d.runbookId().isBlank()
              ? refuse(Reason.BAD_CHOICE, List.of())
              : Optional.empty();
      case APPROVE ->
          d.userId().equals(g.requester()) && !g.selfApproval()
              ? refuse(Reason.SELF_APPROVAL, List.of())
              : g.approvals().contains(d.userId())
                  ? refuse(Reason.ALREADY_APPROVED_BY_YOU, g.approvals())
                  : Optional.empty();
      case REJECT ->
          d.reason() == null || d.reason().isBlank()
              ? refuse(Reason.REASON_REQUIRED, List.of())
              : Optional.empty();
      case SNOOZE ->
          SNOOZE_MINUTES.contains(d.snoozeMinutes())
              ? Optional.empty()
              : refuse(Reason.BAD_SNOOZE, List.of());
    };
  }

  private static Optional<Refusal> refuse(Reason reason, List<String> people) {
    return Optional.of(new Refusal(reason, people));
  }

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
    Optional<Refusal> refusal = check(view(), d);
    if (refusal.isPresent()) {
      return refusal;
    }
    if (d.verdict() == Decision.Verdict.PICK && !choices.contains(d.runbookId())) {
      return refuse(Reason.BAD_CHOICE, List.of());
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
