package dev.greenlight.workflows;

import static dev.greenlight.api.ThreadUpdate.Step.*;

import dev.greenlight.api.ActionResult;
import dev.greenlight.api.AlertNote;
import dev.greenlight.api.AuditEntry;
import dev.greenlight.api.AuditEntry.Kind;
import dev.greenlight.api.CardRef;
import dev.greenlight.api.Classification;
import dev.greenlight.api.Decision;
import dev.greenlight.api.GateView;
import dev.greenlight.api.IncidentRequest;
import dev.greenlight.api.IncidentResult;
import dev.greenlight.api.IncidentSummary;
import dev.greenlight.api.Outcome;
import dev.greenlight.api.Refusal;
import dev.greenlight.api.ThreadUpdate;
import dev.greenlight.api.VerificationResult;
import dev.greenlight.workflows.GatePolicy.Route;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.util.List;
import java.util.Optional;

/**
 * The story of one incident: classify, route, pass the gate, remediate, verify, report. It only
 * orchestrates; every effect is an activity, and every wait is durable.
 */
public final class RemediationWorkflowImpl implements RemediationWorkflow {
  private Incident incident;
  private HumanGate gate;
  private Proposals proposals;
  private AlertWatch alerts;
  private final List<AlertNote> earlyAlerts = new java.util.ArrayList<>();
  private Rails rails;
  private UndoWindow undo;

  @Override
  public IncidentResult run(IncidentRequest request) {
    IncidentResult result = story(request);
    answerLateClicks();
    IntakeNotice.closed(request);
    return result;
  }

  /**
   * The {@code Workflow.getVersion} change that answers clicks that came in as the incident ended.
   */
  static final String LATE_CLICKS_CHANGE = "late-clicks";

  /**
   * A click that arrives while the incident is ending (its last notices being sent) is answered and
   * its answer sent before the workflow closes; before this change it could be left unanswered.
   */
  private void answerLateClicks() {
    if (gate == null || !gate.hasLeftClicks() && incident.settled()) {
      return;
    }
    if (Workflow.getVersion(LATE_CLICKS_CHANGE, Workflow.DEFAULT_VERSION, 1)
        == Workflow.DEFAULT_VERSION) {
      return;
    }
    do {
      gate.answerLeftClicks();
      incident.settle();
    } while (gate.hasLeftClicks());
  }

  private IncidentResult story(IncidentRequest request) {
    begin(request);
    Classification proposal = proposals.classify();
    if (alerts.resolvedEarly()) {
      return alerts.endBeforeGate(proposal);
    }
    Optional<Route> routed = route(proposal);
    if (routed.isEmpty()) {
      return incident.result();
    }
    Route route = routed.get();
    while (true) {
      if (route == Route.NO_RUNBOOK) {
        Optional<Classification> picked = askForRunbook(proposal);
        if (picked.isEmpty() || rails.route(picked.get(), Route.HUMAN_GATE).isEmpty()) {
          return incident.result();
        }
        proposal = picked.get();
      }
      if (route == Route.AUTO_APPROVE) {
        approveByPolicy(proposal);
      } else if (!awaitApproval(proposal)) {
        return incident.result();
      }
      Optional<ActionResult> done = remediate(proposal);
      if (done.isPresent()) {
        return undo.after(proposal, done.get(), verify(proposal, done.get()));
      }
      if (incident.ended()) {
        return incident.result();
      }
      proposal = proposals.proposeAgain(proposal);
      route = proposal.matched() ? Route.HUMAN_GATE : Route.NO_RUNBOOK;
    }
  }

  /** Sets up the incident's state and the handler that answers clicks while no gate is open. */
  private void begin(IncidentRequest request) {
    incident = new Incident(request);
    gate = new HumanGate(incident);
    proposals = new Proposals(incident);
    alerts = new AlertWatch(incident);
    earlyAlerts.forEach(alerts::offer);
    rails = new Rails(incident);
    Helpers.start(gate, rails);
    undo = new UndoWindow(incident);
    incident.audit(Kind.REQUESTED, request.requesterId(), request.service());
  }

  /**
   * The policy's decision (run at once, ask a person, or nothing matched), then the rails' (which
   * may only make it stricter); empty when the rails ended the incident.
   */
  private Optional<Route> route(Classification proposal) {
    Route route = GatePolicy.route(proposal, incident.policy());
    incident.audit(Kind.POLICY, null, route.name());
    return rails.route(proposal, route);
  }

  /**
   * Nothing matched. When the catalog has runbooks, an approver picks one from the card (its own
   * gate follows) or closes the incident; otherwise the incident ends with nothing to run.
   */
  private Optional<Classification> askForRunbook(Classification unmatched) {
    if (incident.policy().runbooks().isEmpty()) {
      incident.gate().none();
      incident.showCard(unmatched);
      incident.say(NO_RUNBOOK, incident.onCall(), null);
      incident.end(Outcome.NO_RUNBOOK, "no runbook matched");
      return Optional.empty();
    }
    Optional<String> picked = gate.awaitPick(unmatched);
    if (picked.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(proposals.describe(picked.get()));
    } catch (ActivityFailure e) {
      // The catalog lost the runbook since the incident started: nothing can run.
      String why = Incident.rootMessage(e);
      incident.audit(Kind.CLASSIFIED, null, "picked runbook unavailable: " + why);
      incident.say(REMEDIATION_FAILED, incident.onCall(), why);
      incident.end(Outcome.REMEDIATION_FAILED, why);
      return Optional.empty();
    }
  }

  /** Low risk and confident: policy approves, and the thread says so. */
  private void approveByPolicy(Classification proposal) {
    incident.gate().autoApprove(incident.now());
    incident.showCard(proposal);
    incident.say(AUTO_APPROVED, null, null);
  }

  /** Opens the human gate for this proposal and waits; true when it was approved. */
  private boolean awaitApproval(Classification proposal) {
    proposal = proposals.previewed(proposal);
    gate.openApproval(proposal);
    new FreezeWatch(incident, rails).watch(proposal);
    incident.showCard(proposal);
    incident.say(AWAITING_APPROVAL, null, null);
    gate.await(incident.policy().approversFor(proposal.runbookId()));
    incident.refreshCard();
    GateView v = incident.gate().view();
    switch (incident.gate().state()) {
      case EXPIRED -> {
        incident.say(EXPIRED, null, null);
        incident.end(Outcome.EXPIRED, "no decision within the approval timeout");
        return false;
      }
      case RESOLVED -> {
        AlertWatch.endAtGate(incident);
        return false;
      }
      case REJECTED -> {
        if (v.rejectedBy() == null) { // refused by the rails: a freeze began while it waited
          incident.say(HELD, null, v.rejectReason());
          incident.end(Outcome.REJECTED, v.rejectReason());
          return false;
        }
        incident.say(REJECTED, v.rejectedBy(), v.rejectReason());
        incident.end(Outcome.REJECTED, "rejected by " + v.rejectedBy());
        return false;
      }
      default -> {
        incident.say(new ThreadUpdate(APPROVED, v.decidedBy(), null, v.approvals()));
        return true;
      }
    }
  }

  /**
   * Runs the approved runbook's action. Empty when nothing ran to completion: the action failed
   * (the incident ends and on-call is told) or the runbook changed since its approval (nothing was
   * sent; the incident is proposed again).
   */
  private Optional<ActionResult> remediate(Classification proposal) {
    incident.say(REMEDIATION_STARTED, null, proposal.action());
    try {
      ActionResult done = proposals.run(proposal);
      incident.audit(
          Kind.ACTION, null, done.summary() + ", idempotency key " + done.idempotencyKey());
      incident.say(REMEDIATION_FINISHED, null, done.summary());
      return Optional.of(done);
    } catch (ActivityFailure e) {
      String why = Incident.rootMessage(e);
      if (Proposals.changedSinceApproval(e)) {
        if (proposals.mayProposeAgain()) {
          return Optional.empty();
        }
        why = "the runbook kept changing after its approval; nothing was sent (" + why + ")";
      }
      incident.audit(Kind.ACTION, null, "failed: " + why);
      incident.say(REMEDIATION_FAILED, incident.onCall(), why);
      incident.end(Outcome.REMEDIATION_FAILED, why);
      return Optional.empty();
    }
  }

  /** Checks that the action worked; a failed check escalates to on-call instead of re-running. */
  private IncidentResult verify(Classification proposal, ActionResult done) {
    VerificationResult v = proposals.verify(proposal);
    incident.audit(
        Kind.VERIFICATION, null, (v.recovered() ? "recovered: " : "failed: ") + v.detail());
    if (v.recovered()) {
      incident.say(RECOVERED, null, v.detail());
      return incident.end(Outcome.RECOVERED, v.detail());
    }
    rails.verificationFailed(proposal);
    incident.say(ESCALATED, incident.onCall(), v.detail());
    return incident.end(Outcome.ESCALATED, v.detail());
  }

  @Override
  public void decide(Decision decision) {
    if (undo != null && undo.claims(decision)) {
      undo.offer(decision); // the Undo button carries its own nonce
    } else if (gate != null) {
      gate.offer(decision);
    }
  }

  @Override
  public void noteRefusal(Decision decision, Refusal.Reason reason) {
    if (incident != null) {
      incident.audit(
          Kind.CLICK_REFUSED,
          decision.userId(),
          decision.verdict() + " refused by the bot: " + reason);
    }
  }

  @Override
  public void alertUpdate(AlertNote note) {
    if (alerts != null) {
      alerts.offer(note);
    } else {
      earlyAlerts.add(note); // signalled with the start, before run began
    }
  }

  @Override
  public void resetBreaker(String userId, CardRef card, String clickId) {
    if (rails != null) {
      rails.offerReset(userId, card, clickId);
    }
  }

  @Override
  public IncidentSummary summary() {
    return incident == null ? null : Summaries.of(incident);
  }

  @Override
  public GateView gate() {
    return incident == null ? new Gate().view() : incident.gate().view();
  }

  @Override
  public List<AuditEntry> audit() {
    return incident == null ? List.of() : incident.auditLog();
  }
}
