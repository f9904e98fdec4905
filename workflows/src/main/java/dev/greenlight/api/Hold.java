package dev.greenlight.api;

/**
 * A rail holding an incident back from running by itself: the circuit breaker of its runbook, or a
 * change freeze. The card shows it; the audit records it.
 *
 * @param kind which rail
 * @param detail a plain fact from Greenlight ("3 failed verifications of restart-pods on
 *     checkout-api within 1h", "change freeze 'year-end' until 2027-01-04 08:00 Europe/Berlin")
 * @param untilMillis when the hold lifts by itself (the breaker's window passes, the freeze ends);
 *     0 when it does not
 */
public record Hold(Kind kind, String detail, long untilMillis) {
  /** The rails. */
  public enum Kind {
    /** Too many failed verifications of this runbook for this service: no auto-approval. */
    BREAKER,
    /** A change freeze: nothing auto-runs, high risk needs more or is refused. */
    FREEZE
  }
}
