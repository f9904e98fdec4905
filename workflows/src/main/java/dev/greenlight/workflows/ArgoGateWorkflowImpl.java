package dev.greenlight.workflows;

import static dev.greenlight.api.ThreadUpdate.Step.*;

import dev.greenlight.action.argo.GateResult;
import dev.greenlight.action.argo.GateWatch.RunEnding;
import dev.greenlight.action.argo.SuspendedNode;
import dev.greenlight.api.AuditEntry;
import dev.greenlight.api.AuditEntry.Kind;
import dev.greenlight.api.Decision;
import dev.greenlight.api.GateView;
import dev.greenlight.api.IncidentResult;
import dev.greenlight.api.IncidentSummary;
import dev.greenlight.api.Outcome;
import dev.greenlight.api.Refusal;
import dev.greenlight.api.ThreadUpdate;
import dev.greenlight.argogate.ArgoGateRequest;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Workflow;
import java.util.List;
import java.util.Map;

/**
 * An Argo suspend gate's story: open the gate on the card, wait as an incident's gate waits ({@link
 * HumanGate}), then send the decision to Argo. Expiry takes the safe default: the node is stopped,
 * never resumed. A node settled in Argo while the card waits closes the gate, and nothing is sent.
 */
public final class ArgoGateWorkflowImpl implements ArgoGateWorkflow {
  private Incident incident;
  private HumanGate gate;
  private ArgoGateRequest request;
  private ArgoGateStubs argo;
  private boolean checkAsked;
  private GateResult outside;

  @Override
  public IncidentResult run(ArgoGateRequest r) {
    request = r;
    argo = new ArgoGateStubs();
    incident = new Incident(r.incident());
    gate = new HumanGate(incident);
    Async.procedure(gate::answerStrayClicks);
    Async.procedure(this::watchOutside);
    SuspendedNode node = r.node();
    incident.audit(
        Kind.REQUESTED,
        r.incident().requesterId(),
        "Argo workflow " + r.incident().service() + " waits at suspend node " + node.displayName());
    gate.openApproval(r.gate());
    incident.showCard(r.gate());
    incident.say(AWAITING_APPROVAL, null, null);
    gate.await(incident.policy().approversFor(r.gate().runbookId()));
    incident.refreshCard();
    GateView v = incident.gate().view();
    try {
      return switch (incident.gate().state()) {
        case RESOLVED -> decidedOutside(outside);
        case REJECTED -> rejected(v);
        case APPROVED -> approved(v);
        default -> expired();
      };
    } catch (ActivityFailure e) {
      String why = Incident.rootMessage(e);
      incident.audit(Kind.ACTION, null, "failed: " + why);
      incident.say(REMEDIATION_FAILED, incident.onCall(), why);
      return incident.end(Outcome.REMEDIATION_FAILED, why);
    }
  }

  private IncidentResult approved(GateView v) {
    incident.say(new ThreadUpdate(APPROVED, v.decidedBy(), null, v.approvals()));
    String who = String.join(", ", v.approvals());
    GateResult sent =
        argo.decide.approve(
            request.node(),
            Map.of("approvers", String.join(",", v.approvals()), "decision", "approved"),
            "Approved in Slack by " + who);
    incident.audit(Kind.ACTION, null, "approve: " + sent.outcome() + ", " + sent.detail());
    if (!sent.ours()) {
      return decidedOutside(sent);
    }
    incident.say(
        new ThreadUpdate(
            ARGO, null, "Resumed in Argo; the node's message and outputs name", v.approvals()));
    RunEnding end = argo.follow.follow(request.node());
    incident.audit(Kind.VERIFICATION, null, "Argo workflow " + end.state() + " " + end.detail());
    String detail =
        "Argo workflow " + end.state() + (end.detail().isEmpty() ? "" : " " + end.detail());
    if (end.succeeded()) {
      incident.say(ARGO, null, detail);
      return incident.end(Outcome.RECOVERED, detail);
    }
    incident.say(ARGO, incident.onCall(), detail);
    return incident.end(Outcome.ESCALATED, detail);
  }

  private IncidentResult rejected(GateView v) {
    incident.say(REJECTED, v.rejectedBy(), v.rejectReason());
    GateResult sent =
        argo.decide.reject(
            request.node(), "Rejected in Slack by " + v.rejectedBy() + ": " + v.rejectReason());
    incident.audit(Kind.ACTION, null, "stop: " + sent.outcome() + ", " + sent.detail());
    if (!sent.ours()) {
      return decidedOutside(sent);
    }
    incident.say(ARGO, null, "Node stopped in Argo");
    return incident.end(Outcome.REJECTED, "rejected by " + v.rejectedBy() + "; node stopped");
  }

  /** The safe default: nobody decided in time, so the node is stopped, never resumed. */
  private IncidentResult expired() {
    incident.say(EXPIRED, null, null);
    GateResult sent =
        argo.decide.reject(
            request.node(), "Expired in Greenlight: no decision in time; stopped, not resumed");
    incident.audit(Kind.ACTION, null, "stop: " + sent.outcome() + ", " + sent.detail());
    if (!sent.ours()) {
      return decidedOutside(sent);
    }
    incident.say(ARGO, null, "Node stopped in Argo (expired, never resumed)");
    return incident.end(Outcome.EXPIRED, "node stopped in Argo, never resumed");
  }

  private IncidentResult decidedOutside(GateResult r) {
    String detail = r == null ? "decided outside Greenlight" : r.detail();
    incident.say(ARGO, null, detail);
    return incident.end(Outcome.RESOLVED, detail);
  }

  /** Reads the node whenever the watcher asks, while the gate is open. */
  private void watchOutside() {
    while (true) {
      Workflow.await(() -> checkAsked || !incident.gate().isOpen());
      if (!incident.gate().isOpen()) {
        return;
      }
      checkAsked = false;
      GateResult r;
      try {
        r = argo.read.settledOutside(request.node());
      } catch (ActivityFailure e) {
        continue; // the next round of the watcher asks again
      }
      if (r != null && incident.gate().isOpen()) {
        outside = r;
        incident.audit(Kind.GATE_CLOSED, null, r.detail());
        incident.gate().resolve(incident.now());
      }
    }
  }

  @Override
  public void decide(Decision decision) {
    if (gate != null) {
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
  public void checkNode() {
    checkAsked = true;
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
