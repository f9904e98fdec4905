package dev.greenlight.bot.slack;

import dev.greenlight.api.ArgoGateCards;
import dev.greenlight.api.Classification;
import dev.greenlight.api.GateView;
import dev.greenlight.api.IncidentCard;
import dev.greenlight.api.Redaction;
import dev.greenlight.api.ThreadUpdate;

/** The words of each thread update under an incident card. */
public final class ThreadText {
  private ThreadText() {}

  public static String render(IncidentCard card, ThreadUpdate u) {
    String argo = ArgoGateCards.is(card) ? ArgoGateView.thread(card, u) : null;
    if (argo != null) {
      return argo;
    }
    Classification c = card.classification();
    GateView g = card.gate();
    String who = SlackText.mention(u.actor());
    String detail = SlackText.escape(Redaction.urls(u.detail()));
    String people = SlackText.mentions(u.people());
    return switch (u.step()) {
      case CLASSIFIED ->
          c.matched()
              ? "Classified as *"
                  + SlackText.escape(c.label())
                  + "* ("
                  + CardView.percent(c.confidence())
                  + " confidence, "
                  + c.risk().label()
                  + " risk): runbook `"
                  + SlackText.escape(c.runbookId())
                  + "`."
              : "Classified as *unknown*: nothing in the runbook catalog is similar enough ("
                  + CardView.percent(c.confidence())
                  + ").";
      case AUTO_APPROVED ->
          "Approved by policy: low risk and confidence at or above the floor. Running now.";
      case AWAITING_APPROVAL ->
          "Waiting for approval from "
              + SlackText.mentions(
                  g.approvers().stream()
                      .filter(a -> g.selfApproval() || !a.equals(g.requester()))
                      .toList())
              + (g.required() > 1
                  ? " ("
                      + g.required()
                      + " approvals needed"
                      + (g.selfApproval() ? "" : ", not the requester")
                      + ")"
                  : "")
              + ".";
      case APPROVAL_RECORDED ->
          "Approved by " + who + " (" + detail + "). Waiting for another approver.";
      case SNOOZED -> who + " snoozed escalation for " + detail + ".";
      case REMINDER -> "Reminder: " + people + ", this incident is waiting for your approval.";
      case ESCALATION -> "Escalating: " + people + ", this incident is still waiting for approval.";
      case APPROVED -> "Approved by " + (u.people().isEmpty() ? who : people) + ".";
      case REJECTED ->
          "Rejected by " + who + (u.detail() == null ? "" : ": " + detail) + ". Nothing was run.";
      case EXPIRED -> "No decision before the approval timeout: expired. Nothing was run.";
      case CHOOSE_RUNBOOK ->
          "No runbook matched. "
              + who
              + ", please look: an approver can pick a runbook from the card's menu, or close the incident.";
      case RUNBOOK_PICKED ->
          who + " picked runbook `" + detail + "`; it needs approval like any proposal.";
      case CLOSED ->
          "Closed by " + who + (u.detail() == null ? "" : ": " + detail) + ". Nothing was run.";
      case NO_RUNBOOK -> "No runbook proposed. " + who + ", please take a look.";
      case PROPOSAL_CHANGED ->
          "The runbook changed since it was approved (was: "
              + detail
              + "). Nothing was run; a new approval is needed.";
      case REMEDIATION_STARTED -> "Remediation started: " + detail + ".";
      case REMEDIATION_FINISHED -> "Remediation finished: " + detail + ".";
      case REMEDIATION_FAILED -> "Remediation failed: " + detail + " — escalating to " + who + ".";
      case RECOVERED -> ":white_check_mark: Recovered: " + detail + ".";
      case ALSO_FIRING, ALSO_RESOLVED, ALERT_RESOLVED -> AlertText.thread(u);
      case ESCALATED ->
          ":rotating_light: Verification failed — escalating to " + who + ": " + detail + ".";
      case HELD -> ":octagonal_sign: " + detail + ".";
      case ARGO -> SlackText.escape(u.detail()) + ".";
      case BREAKER_RESET ->
          who
              + " reset the circuit breaker of `"
              + detail
              + "`: later incidents may run it by policy again.";
    };
  }
}
