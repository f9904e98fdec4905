package dev.greenlight.bot.slack;

import dev.greenlight.api.Refusal;

/** What a person is told, privately, when their click does not count. */
final class RefusalText {
  private RefusalText() {}

  static String render(Refusal r) {
    String people = SlackText.mentions(r.people());
    return switch (r.reason()) {
      case GATE_CLOSED ->
          "This gate is already closed"
              + (r.people().isEmpty() ? "" : " (decided by " + people + ")")
              + "; your click was not counted.";
      case STALE_CARD -> "This card is out of date (its gate was replaced); use the latest card.";
      case NOT_AN_APPROVER ->
          "You are not an approver for this incident, so your click was not counted."
              + (r.people().isEmpty() ? "" : " Approvers: " + people + ".");
      case SELF_APPROVAL ->
          "You asked for this remediation, and this risk tier needs someone else to approve it.";
      case ALREADY_APPROVED_BY_YOU ->
          "You already approved this; approvals so far: " + people + ".";
      case REASON_REQUIRED -> "A rejection needs a reason.";
      case BAD_SNOOZE -> "Snooze is 30 minutes or 2 hours.";
      case NOT_THIS_CARD ->
          "This is not the incident's card (a copy, or a duplicate), so your click was not counted;"
              + " use the card the incident's thread is under.";
      case BAD_CHOICE ->
          "That choice is not available for this incident (pick a runbook from the card's menu).";
      case NO_BREAKER ->
          "No circuit breaker holds this incident any more (it was reset, or the incident ended);"
              + " nothing was reset.";
    };
  }
}
