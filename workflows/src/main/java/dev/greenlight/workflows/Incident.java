package dev.greenlight.workflows;

import dev.greenlight.api.AuditEntry;
import dev.greenlight.api.AuditEntry.Kind;
import dev.greenlight.api.CardRef;
import dev.greenlight.api.IncidentCard;
import dev.greenlight.api.Refusal;
import dev.greenlight.api.ThreadUpdate;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/** One incident's shared state inside the workflow: its card, its thread and its timeline. */
final class Incident {
  private static final Logger log = Workflow.getLogger(Incident.class);

  private final IncidentActivities act = new IncidentActivities();
  private final List<AuditEntry> audit = new ArrayList<>();
  private final Gate gate = new Gate();
  private final String onCall;
  private IncidentCard card;
  private CardRef cardRef;

  Incident(String onCall) {
    this.onCall = onCall;
  }

  IncidentActivities activities() {
    return act;
  }

  Gate gate() {
    return gate;
  }

  String onCall() {
    return onCall;
  }

  IncidentCard card() {
    return card;
  }

  List<AuditEntry> auditLog() {
    return List.copyOf(audit);
  }

  void audit(Kind kind, String actor, String detail) {
    audit.add(new AuditEntry(Workflow.currentTimeMillis(), kind, actor, detail));
  }

  void postCard(String channel, IncidentCard first) {
    card = first.withGate(gate.view());
    cardRef = act.notify.postCard(channel, card);
  }

  void setCard(IncidentCard newCard) {
    card = newCard;
  }

  /** Re-renders the card from the gate's current state. */
  void refreshCard() {
    card = card.withGate(gate.view());
    act.notify.updateCard(cardRef, card);
  }

  /** Thread updates are best effort: a Slack outage must not stop a remediation. */
  void say(ThreadUpdate update) {
    try {
      act.notify.postUpdate(cardRef, card, update);
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
      act.notify.tellUser(cardRef, userId, refusal);
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
