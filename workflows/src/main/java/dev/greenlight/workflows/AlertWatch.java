package dev.greenlight.workflows;

import static dev.greenlight.api.ThreadUpdate.Step.ALERT_RESOLVED;
import static dev.greenlight.api.ThreadUpdate.Step.ALSO_FIRING;
import static dev.greenlight.api.ThreadUpdate.Step.ALSO_RESOLVED;

import dev.greenlight.api.AlertFacts;
import dev.greenlight.api.AlertNote;
import dev.greenlight.api.AuditEntry.Kind;
import dev.greenlight.api.Classification;
import dev.greenlight.api.GateState;
import dev.greenlight.api.IncidentResult;
import dev.greenlight.api.Outcome;
import io.temporal.workflow.Async;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * What an alert-started incident hears from its alerts ({@code alertUpdate} signals): its own alert
 * resolved, or other alerts for its service fire and join its thread (storm control). Only for
 * incidents an alert started since version 1 of {@link #CHANGE_ID}; the others ignore the signal.
 *
 * <p>When the own alert resolves before anyone decided, the gate closes with nothing run; when the
 * action already runs (or was approved), it is not cancelled: the thread says so and the incident
 * goes on to its verification.
 */
final class AlertWatch {
  /** The {@code Workflow.getVersion} change that lets alerts resolve and join incidents. */
  static final String CHANGE_ID = "alert-updates";

  /** At most this many other alerts are told in the thread; the rest only in the timeline. */
  static final int MAX_NOTES = 20;

  /** How much of another alert's summary its thread note shows. */
  static final int MAX_SUMMARY = 300;

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private final Incident incident;
  private final boolean active;
  private final Deque<AlertNote> own = new ArrayDeque<>();
  private final Deque<AlertNote> others = new ArrayDeque<>();
  private final Set<String> joined = new HashSet<>();
  private final Set<String> joinedResolved = new HashSet<>();
  private AlertFacts facts;
  private boolean resolvedEarly;

  /** Call in the workflow's first steps: it decides the version for alert-started incidents. */
  AlertWatch(Incident incident) {
    this.incident = incident;
    this.facts = incident.request().alert();
    this.active = facts != null && Workflow.getVersion(CHANGE_ID, Workflow.DEFAULT_VERSION, 1) == 1;
    if (active) {
      Async.procedure(this::watchOwn);
      Async.procedure(this::watchOthers);
    }
  }

  /** Signal side: queue the news; the watching thread handles it. */
  void offer(AlertNote note) {
    if (active && note != null) {
      (note.key().equals(facts.key()) ? own : others).add(note);
    }
  }

  /** Whether the own alert resolved while the incident was still being classified. */
  boolean resolvedEarly() {
    return resolvedEarly && incident.gate().state() == GateState.PENDING;
  }

  /** Ends an incident whose alert resolved before its gate opened: the card, nothing run. */
  IncidentResult endBeforeGate(Classification proposal) {
    incident.gate().resolve(facts.resolvedAtMillis());
    incident.audit(Kind.GATE_CLOSED, null, "the alert resolved on its own before the gate");
    incident.showCard(proposal);
    return endAtGate(incident);
  }

  /**
   * Ends an incident whose gate closed because its alert resolved (the gate's decision time is the
   * alert's): nothing was run.
   */
  static IncidentResult endAtGate(Incident incident) {
    AlertFacts resolved = incident.request().alert();
    long at = incident.gate().view().decidedAtMillis();
    incident.showAlert(resolved.resolvedAt(at));
    incident.say(
        ALERT_RESOLVED, null, "at " + time(at) + ". Nothing was run; the incident is closed");
    return incident.end(Outcome.RESOLVED, "the alert resolved on its own at " + time(at));
  }

  /** The own alert's news, at once: a resolution while classifying must stop the route. */
  private void watchOwn() {
    while (true) {
      Workflow.await(() -> !own.isEmpty());
      AlertNote note = own.poll();
      if (!incident.ended() && note.resolved() && !facts.resolved()) {
        ownResolved(note.atMillis() > 0 ? note.atMillis() : incident.now());
      }
    }
  }

  /** Other alerts' news, once the card is there to thread them under. */
  private void watchOthers() {
    while (true) {
      Workflow.await(() -> !others.isEmpty() && (incident.hasCard() || incident.ended()));
      AlertNote note = others.poll();
      if (incident.ended()) {
        continue;
      }
      if (note.resolved()) {
        otherResolved(note);
      } else {
        otherFiring(note);
      }
    }
  }

  private void ownResolved(long at) {
    facts = facts.resolvedAt(at);
    incident.audit(Kind.ALERT, null, "the alert resolved on its own at " + time(at));
    resolvedEarly = true;
    // Before the gate (classifying) the workflow thread ends the incident; while a picked
    // runbook is being described, its gate is about to open: wait for it.
    Workflow.await(() -> incident.ended() || !unsettled(incident.gate().state()));
    if (incident.ended()) {
      return;
    }
    Gate gate = incident.gate();
    if (gate.isOpen()) {
      // HumanGate wakes, sees the gate resolved and ends the incident with nothing run.
      gate.resolve(at);
      incident.audit(Kind.GATE_CLOSED, null, "the alert resolved on its own");
      return;
    }
    if (gate.state() != GateState.APPROVED && gate.state() != GateState.AUTO_APPROVED) {
      return; // closed otherwise (rejected, expired, nothing to run): it ends on its own
    }
    incident.showAlert(facts);
    incident.say(
        ALERT_RESOLVED,
        null,
        "at "
            + time(at)
            + ". The action already approved is not cancelled: it finishes and is verified as"
            + " usual");
    // If the runbook changed since its approval, nothing was sent and a new gate opens: the alert
    // is over, so that gate closes with nothing run.
    Workflow.await(() -> incident.ended() || incident.gate().isOpen());
    if (!incident.ended()) {
      incident.gate().resolve(at);
      incident.audit(Kind.GATE_CLOSED, null, "the alert resolved on its own");
    }
  }

  private static boolean unsettled(GateState state) {
    return state == GateState.PENDING || state == GateState.PICKED;
  }

  private void otherFiring(AlertNote note) {
    if (!joined.add(note.key())) {
      return;
    }
    String what = describe(note);
    incident.audit(Kind.ALERT, null, "also firing: " + what);
    if (joined.size() <= MAX_NOTES) {
      incident.say(ALSO_FIRING, null, what);
    } else if (joined.size() == MAX_NOTES + 1) {
      incident.say(
          ALSO_FIRING, null, "more alerts; from here on they are listed in the audit only");
    }
  }

  private void otherResolved(AlertNote note) {
    if (joined.contains(note.key()) && joinedResolved.add(note.key())) {
      String what = describe(note);
      incident.audit(Kind.ALERT, null, "no longer firing: " + what);
      if (joinedResolved.size() <= MAX_NOTES) {
        incident.say(ALSO_RESOLVED, null, what);
      }
    }
  }

  private static String describe(AlertNote note) {
    String summary =
        note.summary() == null || note.summary().isBlank() ? "" : ": " + clip(note.summary());
    String since = note.resolved() || note.atMillis() <= 0 ? "" : " since " + time(note.atMillis());
    return note.alertName() + " on " + note.service() + since + summary;
  }

  private static String clip(String text) {
    String t = text.strip().replaceAll("\\s+", " ");
    return t.length() <= MAX_SUMMARY ? t : t.substring(0, MAX_SUMMARY) + "…";
  }

  private static String time(long millis) {
    return TIME.format(Instant.ofEpochMilli(millis));
  }
}
