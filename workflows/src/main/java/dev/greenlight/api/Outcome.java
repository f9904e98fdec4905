package dev.greenlight.api;

/** How an incident ended. */
public enum Outcome {
  RECOVERED,
  ESCALATED,
  REJECTED,
  EXPIRED,
  REMEDIATION_FAILED,
  NO_RUNBOOK,
  /** The alert that started it resolved on its own before anything ran. */
  RESOLVED
}
