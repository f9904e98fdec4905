package dev.greenlight.activities;

/**
 * One step of the incident, posted as a reply under its card.
 *
 * @param step what happened
 * @param actor the Slack user ID it concerns (approver, on-call), or null
 * @param detail a plain fact from Greenlight itself (status code, runbook action); never model text
 */
public record ThreadUpdate(Step step, String actor, String detail) {
  /** The steps of an incident, in the order they can happen. */
  public enum Step {
    CLASSIFIED,
    AUTO_APPROVED,
    AWAITING_APPROVAL,
    APPROVED,
    REJECTED,
    EXPIRED,
    NO_RUNBOOK,
    REMEDIATION_STARTED,
    REMEDIATION_FINISHED,
    REMEDIATION_FAILED,
    RECOVERED,
    ESCALATED
  }
}
