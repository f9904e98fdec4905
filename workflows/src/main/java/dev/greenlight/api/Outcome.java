package dev.greenlight.api;

/** How an incident ended. */
public enum Outcome {
  RECOVERED,
  ESCALATED,
  REJECTED,
  EXPIRED,
  REMEDIATION_FAILED,
  NO_RUNBOOK
}
