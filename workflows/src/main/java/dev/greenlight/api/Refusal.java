package dev.greenlight.api;

import java.util.List;

/** Why a click was not counted, with the people the explanation names (who decided, who may). */
public record Refusal(Reason reason, List<String> people) {
  public Refusal {
    people = people == null ? List.of() : List.copyOf(people);
  }

  /** The reasons a click is refused. */
  public enum Reason {
    /** The gate was already approved, rejected or expired. */
    GATE_CLOSED,
    /** The card's nonce is not the open gate's. */
    STALE_CARD,
    NOT_AN_APPROVER,
    /** The requester may not approve on this tier (separation of duties). */
    SELF_APPROVAL,
    ALREADY_APPROVED_BY_YOU,
    REASON_REQUIRED,
    BAD_SNOOZE,
    /** A runbook that is not in the catalog, or a pick where no pick is asked for. */
    BAD_CHOICE,
    /** The click came from a message that is not the incident's card (a copy, or a duplicate). */
    NOT_THIS_CARD,
    /** A breaker reset on an incident that no open breaker holds (reset already, or ended). */
    NO_BREAKER
  }
}
