package dev.greenlight.workflows;

import java.util.List;

/**
 * The policy in force when the incident started. It travels in the workflow input so that a config
 * change never alters a running incident's rules, and replays stay deterministic.
 */
public record PolicySnapshot(
    double confidenceFloor, long approvalTimeoutSeconds, List<String> approvers, String onCall) {
  public PolicySnapshot {
    approvers = List.copyOf(approvers);
  }
}
