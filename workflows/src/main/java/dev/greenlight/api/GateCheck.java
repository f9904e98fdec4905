package dev.greenlight.api;

import dev.greenlight.api.Refusal.Reason;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The gate's rule for one click, as a pure function of the gate and the decision. The bot may call
 * it for fast feedback on a view it has; the workflow calls it on its own state, which is the one
 * that counts.
 */
public final class GateCheck {
  /** The snooze lengths a person may choose, in minutes. */
  public static final Set<Integer> SNOOZE_MINUTES = Set.of(30, 120);

  private GateCheck() {}

  /** Why {@code d} may not count at the gate {@code g}, or empty when it may. */
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

  static Optional<Refusal> refuse(Reason reason, List<String> people) {
    return Optional.of(new Refusal(reason, people));
  }
}
