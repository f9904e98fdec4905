package dev.greenlight.workflows;

import java.util.List;

/** The human gate's state inside the workflow. Plain, deterministic state: no I/O. */
final class Gate {
  private GateState state = GateState.PENDING;
  private String nonce;
  private List<String> approvers = List.of();
  private String decidedBy;
  private long decidedAtMillis;

  void open(String newNonce, List<String> allowed) {
    state = GateState.OPEN;
    nonce = newNonce;
    approvers = List.copyOf(allowed);
  }

  void autoApprove(long nowMillis) {
    close(GateState.AUTO_APPROVED, null, nowMillis);
  }

  void none() {
    state = GateState.NONE;
  }

  void expire(long nowMillis) {
    close(GateState.EXPIRED, null, nowMillis);
  }

  /** Records the decision, or returns why it is refused (the gate stays as it was). */
  String accept(Decision d, long nowMillis) {
    if (state != GateState.OPEN) {
      return "gate is " + state;
    }
    if (nonce == null || !nonce.equals(d.nonce())) {
      return "stale nonce";
    }
    if (!approvers.contains(d.userId())) {
      return "not an approver";
    }
    close(
        d.verdict() == Decision.Verdict.APPROVE ? GateState.APPROVED : GateState.REJECTED,
        d.userId(),
        nowMillis);
    return null;
  }

  boolean isDecided() {
    return state == GateState.APPROVED || state == GateState.REJECTED;
  }

  GateState state() {
    return state;
  }

  String nonce() {
    return nonce;
  }

  String decidedBy() {
    return decidedBy;
  }

  GateView view() {
    return new GateView(
        state, state == GateState.OPEN ? nonce : null, approvers, decidedBy, decidedAtMillis);
  }

  private void close(GateState newState, String by, long nowMillis) {
    state = newState;
    decidedBy = by;
    decidedAtMillis = nowMillis;
  }
}
