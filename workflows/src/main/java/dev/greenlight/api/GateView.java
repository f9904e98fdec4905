package dev.greenlight.api;

import java.util.List;

/**
 * The gate as the {@code gate} query shows it.
 *
 * @param approvals who approved so far, in order
 * @param approvers the resolved Slack user IDs who may decide
 * @param viaGroups whether approvers come from user groups (membership can change)
 * @param rejectedBy who rejected, or null
 */
public record GateView(
    GateState state,
    String nonce,
    int required,
    boolean selfApproval,
    String requester,
    List<String> approvers,
    boolean viaGroups,
    List<String> approvals,
    String rejectedBy,
    String rejectReason,
    long decidedAtMillis,
    long deadlineMillis,
    long snoozedUntilMillis) {
  public GateView {
    approvers = approvers == null ? List.of() : List.copyOf(approvers);
    approvals = approvals == null ? List.of() : List.copyOf(approvals);
  }

  /** Who closed the gate: the rejecter, or the last approver. */
  public String decidedBy() {
    if (rejectedBy != null) {
      return rejectedBy;
    }
    return approvals.isEmpty() ? null : approvals.get(approvals.size() - 1);
  }

  /** Whether one more approval closes the gate. */
  public boolean lastApprovalMissing() {
    return approvals.size() + 1 >= required;
  }
}
