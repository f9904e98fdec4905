package dev.greenlight.api;

/**
 * A person's click at the gate, carried by the {@code decide} signal.
 *
 * @param reason why (required to reject)
 * @param snoozeMinutes how long to hold off escalation (SNOOZE only: 30 or 120)
 * @param clickId Slack's {@code action_ts} of the click; a redelivered click repeats it and counts
 *     once
 * @param runbookId the runbook picked from the catalog (PICK only)
 * @param card the message the click came from, as Slack reported it; the workflow refuses a click
 *     from any message but the incident's own card. Null in clicks recorded before it was carried.
 */
public record Decision(
    Verdict verdict,
    String userId,
    String nonce,
    String reason,
    int snoozeMinutes,
    String clickId,
    String runbookId,
    CardRef card) {
  /** What the person chose. */
  public enum Verdict {
    APPROVE,
    REJECT,
    SNOOZE,
    /** Choose a runbook for an incident that matched none. */
    PICK
  }

  public Decision(Verdict verdict, String userId, String nonce) {
    this(verdict, userId, nonce, null, 0, null, null, null);
  }

  public Decision(
      Verdict verdict,
      String userId,
      String nonce,
      String reason,
      int snoozeMinutes,
      String clickId,
      String runbookId) {
    this(verdict, userId, nonce, reason, snoozeMinutes, clickId, runbookId, null);
  }

  /** This decision, made on the message {@code from}. */
  public Decision onCard(CardRef from) {
    return new Decision(verdict, userId, nonce, reason, snoozeMinutes, clickId, runbookId, from);
  }

  public Decision(
      Verdict verdict,
      String userId,
      String nonce,
      String reason,
      int snoozeMinutes,
      String clickId) {
    this(verdict, userId, nonce, reason, snoozeMinutes, clickId, null, null);
  }
}
