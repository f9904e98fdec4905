package dev.greenlight.api;

import java.util.List;

/**
 * One step of the incident, posted as a reply under its card.
 *
 * @param step what happened
 * @param actor the Slack user ID it concerns (approver, on-call), or null
 * @param detail a plain fact from Greenlight itself (status code, runbook action, a person's
 *     reason); never model text
 * @param people further Slack users or groups the update mentions (reminders, escalations)
 */
public record ThreadUpdate(Step step, String actor, String detail, List<String> people) {
  public ThreadUpdate {
    people = people == null ? List.of() : List.copyOf(people);
  }

  public ThreadUpdate(Step step, String actor, String detail) {
    this(step, actor, detail, List.of());
  }

  /** The steps of an incident, in the order they can happen. */
  public enum Step {
    CLASSIFIED,
    AUTO_APPROVED,
    AWAITING_APPROVAL,
    APPROVAL_RECORDED,
    SNOOZED,
    REMINDER,
    ESCALATION,
    APPROVED,
    REJECTED,
    EXPIRED,
    NO_RUNBOOK,
    CHOOSE_RUNBOOK,
    RUNBOOK_PICKED,
    CLOSED,
    PROPOSAL_CHANGED,
    REMEDIATION_STARTED,
    REMEDIATION_FINISHED,
    REMEDIATION_FAILED,
    RECOVERED,
    ESCALATED,
    /** Another alert for the service fires: it joins this thread instead of opening a card. */
    ALSO_FIRING,
    /** An alert that joined this thread stopped firing. */
    ALSO_RESOLVED,
    /** The incident's own alert resolved on its own (detail: what that means for this incident). */
    ALERT_RESOLVED,
    /** A rail holds the incident (circuit breaker, change freeze); the detail says which. */
    HELD,
    /** An approver reset the runbook's circuit breaker from the card. */
    BREAKER_RESET,
    /**
     * News of an Argo suspend gate from Argo itself (resumed, stopped, decided outside Greenlight,
     * how the workflow ended); the detail says it in Greenlight's words.
     */
    ARGO
  }
}
