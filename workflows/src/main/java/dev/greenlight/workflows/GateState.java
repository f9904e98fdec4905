package dev.greenlight.workflows;

/** Where an incident's gate stands. */
public enum GateState {
  /** The workflow has not reached the gate yet. */
  PENDING,
  /** Policy let the action run without a person. */
  AUTO_APPROVED,
  /** Waiting for an approver's click. */
  OPEN,
  APPROVED,
  REJECTED,
  /** Nobody decided in time; nothing ran. */
  EXPIRED,
  /** There is nothing to approve (no runbook matched). */
  NONE
}
