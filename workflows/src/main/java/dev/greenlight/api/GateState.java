package dev.greenlight.api;

/** Where an incident's gate stands. */
public enum GateState {
  /** The workflow has not reached the gate yet. */
  PENDING,
  /** Policy let the action run without a person. */
  AUTO_APPROVED,
  /** Waiting for an approver's click. */
  OPEN,
  /** No runbook matched: waiting for an approver to pick one from the catalog, or close. */
  CHOOSING,
  /** An approver picked a runbook; its own gate follows. */
  PICKED,
  APPROVED,
  REJECTED,
  /** Nobody decided in time; nothing ran. */
  EXPIRED,
  /** There is nothing to approve (no runbook matched). */
  NONE,
  /** The alert that started the incident resolved on its own before anyone decided; nothing ran. */
  RESOLVED
}
