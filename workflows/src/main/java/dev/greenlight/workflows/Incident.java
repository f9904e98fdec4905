package dev.greenlight.workflows;

import static dev.greenlight.api.ThreadUpdate.Step.CLASSIFIED;

import dev.greenlight.api.AuditEntry;
import dev.greenlight.api.AuditEntry.Kind;
import dev.greenlight.api.CardRef;
import dev.greenlight.api.Classification;
import dev.greenlight.api.GateRule;
import dev.greenlight.api.Hold;
import dev.greenlight.api.IncidentCard;
import dev.greenlight.api.IncidentRequest;
import dev.greenlight.api.IncidentResult;
import dev.greenlight.api.Outcome;
import dev.greenlight.api.PolicySnapshot;
import dev.greenlight.api.Refusal;
import dev.greenlight.api.Risk;
import dev.greenlight.api.RunbookChoice;
import dev.greenlight.api.ThreadUpdate;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;

/** One incident's shared state inside the workflow: its gate, card, thread, timeline and end. */
final class Incident {
  private final IncidentActivities act = new IncidentActivities();
  private final List<AuditEntry> audit = new ArrayList<>();
  private final Gate gate = new Gate();
  private final IncidentRequest request;
  private final Notices notices;
  private IncidentCard card;
  private IncidentResult result;
  private List<Hold> holds = List.of();
  private Visibility visibility;
  private int extraApprovers;

  /** Creates the incident's state; call first in the workflow: it decides the version. */
  Incident(IncidentRequest request) {
    this.request = request;
    this.notices =
        Notices.forThisIncident(
            act.notify,
            act.localNotify,
            (what, why) ->
                audit(Kind.NOTIFICATION_FAILED, null, "Slack was not told " + what + ": " + why));
  }

  IncidentRequest request() {
    return request;
  }

  PolicySnapshot policy() {
    return request.policy();
  }

  String onCall() {
    return request.policy().onCall();
  }

  String workflowId() {
    return Workflow.getInfo().getWorkflowId();
  }

  long now() {
    return Workflow.currentTimeMillis();
  }

  IncidentActivities activities() {
    return act;
  }

  Gate gate() {
    return gate;
  }

  /** The card as last shown; null before it was posted. */
  IncidentCard card() {
    return card;
  }

  /** Where the card was posted, once Slack said so; null before. */
  CardRef cardRef() {
    return notices.cardRef();
  }

  List<AuditEntry> auditLog() {
    return List.copyOf(audit);
  }

  void audit(Kind kind, String actor, String detail) {
    audit.add(new AuditEntry(now(), kind, actor, detail));
  }

  /**
   * Ends the incident; the workflow returns this result. The card shows the outcome, and the
   * incident waits (boundedly) for its last notifications to be sent.
   */
  IncidentResult end(Outcome outcome, String detail) {
    result = new IncidentResult(outcome, gate.view(), detail);
    showInVisibility(outcome.name());
    if (notices.queued() && card != null) {
      card = card.withGate(gate.view()).withOutcome(outcome, detail);
      notices.updateCard(card);
    }
    notices.drain();
    return result;
  }

  /** Waits (boundedly) for the notifications queued since the end to be sent. */
  void settle() {
    notices.drain();
  }

  /** Whether every notification queued so far was sent or given up. */
  boolean settled() {
    return notices.idle();
  }

  boolean ended() {
    return result != null;
  }

  IncidentResult result() {
    return result;
  }

  /**
   * Shows the proposal on the card: the first time, the card is posted and the thread starts with
   * the classification; later (a picked runbook, a new proposal), the card is re-rendered.
   */
  void showCard(Classification proposal) {
    showCard(proposal, List.of());
  }

  /** Shows the proposal with the catalog's runbooks to pick from (empty: no menu). */
  void showCard(Classification proposal, List<RunbookChoice> choices) {
    if (card == null) {
      card =
          new IncidentCard(
              request.incidentId(),
              workflowId(),
              request.service(),
              request.text(),
              request.requesterId(),
              proposal,
              gate.view(),
              choices,
              null,
              null,
              request.alert(),
              holds);
      notices.postCard(request.channelId(), card);
      showInVisibility(null);
      say(CLASSIFIED, null, proposal.label());
    } else {
      card = card.withClassification(proposal).withChoices(choices).withHolds(holds);
      refreshCard();
    }
  }

  /** Offers the catalog's runbooks on the card (empty: takes the menu away). */
  void offerChoices(List<RunbookChoice> choices) {
    card = card.withChoices(choices);
    refreshCard();
  }

  /** Whether the card was asked for (thread updates may follow it). */
  boolean hasCard() {
    return card != null;
  }

  /** Shows the alert's news on the card, once it is posted (before: on the first one). */
  void showAlert(dev.greenlight.api.AlertFacts alert) {
    if (card != null) {
      card = card.withAlert(alert);
      refreshCard();
    }
  }

  /** The rails holding the incident back, shown on the card from now on. */
  void hold(List<Hold> newHolds) {
    holds = List.copyOf(newHolds);
  }

  List<Hold> holds() {
    return holds;
  }

  /** The rails ask for {@code n} approvers more than the tier's rule at every gate from now on. */
  void requireExtraApprovers(int n) {
    extraApprovers = n;
  }

  /** The gate rule of a risk tier, with the approvers the rails add. */
  GateRule rule(Risk risk) {
    GateRule r = policy().rule(risk);
    return extraApprovers == 0
        ? r
        : new GateRule(
            r.required() + extraApprovers, r.selfApproval(), r.timeoutSeconds(), r.ladder());
  }

  /** Re-renders the card from the gate's current state. */
  void refreshCard() {
    card = card.withGate(gate.view()).withHolds(holds);
    notices.updateCard(card);
    showInVisibility(null);
  }

  /**
   * Upserts the search attributes (when the policy asks for them): the card's risk and the gate's
   * state, or {@code ended} (the outcome) once the incident ended.
   */
  private void showInVisibility(String ended) {
    if (visibility == null) {
      visibility = new Visibility(request);
    }
    Risk risk = card == null ? null : card.classification().risk();
    visibility.show(request, risk, ended != null ? ended : gate.state().name());
  }

  /** Posts one step in the card's thread; best effort, never in the incident's way. */
  void say(ThreadUpdate update) {
    notices.postUpdate(card, update);
  }

  void say(ThreadUpdate.Step step, String actor, String detail) {
    say(new ThreadUpdate(step, actor, detail));
  }

  /** Tells one person privately why their click did not count; best effort too. */
  void tell(String userId, Refusal refusal) {
    notices.tell(userId, refusal);
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }
}
