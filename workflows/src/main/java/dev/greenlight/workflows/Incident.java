package dev.greenlight.workflows;

import static dev.greenlight.api.ThreadUpdate.Step.CLASSIFIED;

import dev.greenlight.activities.NotificationActivities;
import dev.greenlight.api.AuditEntry;
import dev.greenlight.api.AuditEntry.Kind;
import dev.greenlight.api.CardRef;
import dev.greenlight.api.Classification;
import dev.greenlight.api.IncidentCard;
import dev.greenlight.api.IncidentRequest;
import dev.greenlight.api.IncidentResult;
import dev.greenlight.api.Outcome;
import dev.greenlight.api.PolicySnapshot;
import dev.greenlight.api.Refusal;
import dev.greenlight.api.RunbookChoice;
import dev.greenlight.api.ThreadUpdate;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/** One incident's shared state inside the workflow: its gate, card, thread, timeline and end. */
final class Incident {
  /**
   * The version that sends Slack notifications as local activities ({@code 1}); incidents started
   * before it ({@link Workflow#DEFAULT_VERSION}) keep scheduling them as activities.
   */
  static final String LOCAL_NOTIFICATIONS = "local-notifications";

  private static final Logger log = Workflow.getLogger(Incident.class);

  private final IncidentActivities act = new IncidentActivities();
  private final NotificationActivities notify;
  private final List<AuditEntry> audit = new ArrayList<>();
  private final Gate gate = new Gate();
  private final IncidentRequest request;
  private IncidentCard card;
  private CardRef cardRef;
  private IncidentResult result;

  /** Creates the incident's state; call first in the workflow, it decides the version. */
  Incident(IncidentRequest request) {
    this.request = request;
    int version = Workflow.getVersion(LOCAL_NOTIFICATIONS, Workflow.DEFAULT_VERSION, 1);
    this.notify = version == Workflow.DEFAULT_VERSION ? act.notify : act.localNotify;
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

  List<AuditEntry> auditLog() {
    return List.copyOf(audit);
  }

  void audit(Kind kind, String actor, String detail) {
    audit.add(new AuditEntry(now(), kind, actor, detail));
  }

  /** Ends the incident; the workflow returns this result. */
  IncidentResult end(Outcome outcome, String detail) {
    result = new IncidentResult(outcome, gate.view(), detail);
    return result;
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
              List.of());
      cardRef = notify.postCard(request.channelId(), card);
      say(CLASSIFIED, null, proposal.label());
    } else {
      card = card.withClassification(proposal);
      refreshCard();
    }
  }

  /** Offers the catalog's runbooks on the card (empty: takes the menu away). */
  void offerChoices(List<RunbookChoice> choices) {
    card = card.withChoices(choices);
    refreshCard();
  }

  /** Re-renders the card from the gate's current state. */
  void refreshCard() {
    card = card.withGate(gate.view());
    notify.updateCard(cardRef, card);
  }

  /** Thread updates are best effort: a Slack outage must not stop a remediation. */
  void say(ThreadUpdate update) {
    try {
      notify.postUpdate(cardRef, card, update);
    } catch (ActivityFailure e) {
      log.warn("Could not post thread update {}: {}", update.step(), rootMessage(e));
    }
  }

  void say(ThreadUpdate.Step step, String actor, String detail) {
    say(new ThreadUpdate(step, actor, detail));
  }

  /** Private notes are best effort too. */
  void tell(String userId, Refusal refusal) {
    try {
      notify.tellUser(cardRef, userId, refusal);
    } catch (ActivityFailure e) {
      log.warn("Could not tell {} about a refused click: {}", userId, rootMessage(e));
    }
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }
}
