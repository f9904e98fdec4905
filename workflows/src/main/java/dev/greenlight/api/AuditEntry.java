package dev.greenlight.api;

/**
 * One line of an incident's timeline, kept in workflow state and read with the {@code audit} query.
 *
 * @param atMillis workflow time
 * @param actor the Slack user it concerns, or null
 * @param detail plain facts from Greenlight (never the model's free text)
 */
public record AuditEntry(long atMillis, Kind kind, String actor, String detail) {
  /** What happened. */
  public enum Kind {
    REQUESTED,
    CLASSIFIED,
    POLICY,
    GATE_OPENED,
    CLICK_ACCEPTED,
    CLICK_REFUSED,
    REMINDER,
    ESCALATION,
    GATE_CLOSED,
    PROPOSAL_CHANGED,
    /** What the action would change, or that its dry run was refused, before the card asked. */
    PREVIEW,
    ACTION,
    VERIFICATION,
    /** Slack could not be told something (the card, a thread update, a private note). */
    NOTIFICATION_FAILED,
    /** News from an alert: the incident's own resolved, or another one for its service fires. */
    ALERT,
    /** A rail's decision: the circuit breaker or a change freeze held the incident, a reset. */
    RAILS
  }
}
