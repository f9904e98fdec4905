package dev.greenlight.workflows;

import static dev.greenlight.api.ThreadUpdate.Step.*;

import dev.greenlight.api.ActionResult;
import dev.greenlight.api.AuditEntry;
import dev.greenlight.api.AuditEntry.Kind;
import dev.greenlight.api.Classification;
import dev.greenlight.api.Decision;
import dev.greenlight.api.GateState;
import dev.greenlight.api.GateView;
import dev.greenlight.api.IncidentCard;
import dev.greenlight.api.IncidentRequest;
import dev.greenlight.api.IncidentResult;
import dev.greenlight.api.Outcome;
import dev.greenlight.api.PolicySnapshot;
import dev.greenlight.api.Principal;
import dev.greenlight.api.Proposal;
import dev.greenlight.api.Refusal;
import dev.greenlight.api.RunbookChoice;
import dev.greenlight.api.VerificationResult;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Workflow;
import java.util.List;

/** The story of one incident. Orchestration only: every effect is an activity. */
public final class RemediationWorkflowImpl implements RemediationWorkflow {
  private static final int MAX_PROPOSALS = 3;

  private Incident incident;
  private HumanGate humanGate;

  @Override
  public IncidentResult run(IncidentRequest req) {
    PolicySnapshot policy = req.policy();
    incident = new Incident(policy.onCall());
    humanGate = new HumanGate(incident);
    Async.procedure(humanGate::answerStrayClicks, incident.gate());
    String workflowId = Workflow.getInfo().getWorkflowId();
    incident.audit(Kind.REQUESTED, req.requesterId(), req.service());

    Classification c = classify(req);
    GatePolicy.Route route = GatePolicy.route(c, policy);
    incident.audit(Kind.POLICY, null, route.name());
    Gate gate = incident.gate();
    String proposal = null;
    for (int round = 1; ; round++) {
      if (route == GatePolicy.Route.HUMAN_GATE) {
        List<String> approvers = approvers(policy.approversFor(c.runbookId()));
        gate.open(
            Workflow.randomUUID().toString(),
            policy.rule(c.risk()),
            req.requesterId(),
            approvers,
            Principal.anyGroup(policy.approversFor(c.runbookId())),
            Workflow.currentTimeMillis());
        proposal = Proposal.hash(c.runbookId(), c.label(), c.action());
        incident.audit(
            Kind.GATE_OPENED, null, gate.view().required() + " of " + String.join(", ", approvers));
      }
      if (round == 1) {
        incident.postCard(
            req.channelId(),
            new IncidentCard(
                req.incidentId(),
                workflowId,
                req.service(),
                req.text(),
                req.requesterId(),
                c,
                gate.view()));
        incident.say(CLASSIFIED, null, c.label());
      } else {
        incident.setCard(incident.card().withClassification(c));
        incident.refreshCard();
      }
      IncidentResult closed =
          route == GatePolicy.Route.NO_RUNBOOK && !policy.runbooks().isEmpty()
              ? chooseRunbook(req, gate, policy)
              : passGate(route, gate, policy, c);
      if (closed != null) {
        return closed;
      }
      if (gate.state() == GateState.PICKED) {
        c = incident.activities().classify.describe(gate.picked(), req.service(), req.incidentId());
        incident.audit(Kind.CLASSIFIED, gate.pickedBy(), c.label() + " picked by a person");
        route = GatePolicy.Route.HUMAN_GATE;
        continue;
      }
      try {
        return remediateAndVerify(workflowId, req, c, proposal);
      } catch (ActivityFailure e) {
        if (!(e.getCause() instanceof ApplicationFailure af
                && "ProposalChanged".equals(af.getType()))
            || round == MAX_PROPOSALS) {
          throw e;
        }
        incident.audit(Kind.PROPOSAL_CHANGED, null, c.action());
        incident.say(PROPOSAL_CHANGED, null, c.action());
        c = classify(req);
        route = c.matched() ? GatePolicy.Route.HUMAN_GATE : GatePolicy.Route.NO_RUNBOOK;
      }
    }
  }

  /**
   * Nothing matched: an approver picks a runbook from the catalog (its own gate follows) or closes
   * the incident. Returns the result when the incident ends here, else null (a runbook was picked).
   */
  private IncidentResult chooseRunbook(IncidentRequest req, Gate gate, PolicySnapshot policy) {
    List<String> approvers = approvers(policy.approvers());
    gate.openChoice(
        Workflow.randomUUID().toString(),
        policy.rule(dev.greenlight.api.Risk.MEDIUM),
        req.requesterId(),
        approvers,
        Principal.anyGroup(policy.approvers()),
        policy.runbooks().stream().map(RunbookChoice::id).toList(),
        Workflow.currentTimeMillis());
    incident.audit(Kind.GATE_OPENED, null, "pick a runbook: " + String.join(", ", approvers));
    incident.setCard(incident.card().withChoices(policy.runbooks()));
    incident.refreshCard();
    incident.say(CHOOSE_RUNBOOK, policy.onCall(), null);
    humanGate.await(gate, policy.approvers());
    incident.setCard(incident.card().withChoices(List.of()));
    incident.refreshCard();
    GateView v = gate.view();
    switch (gate.state()) {
      case PICKED -> {
        incident.say(RUNBOOK_PICKED, gate.pickedBy(), gate.picked());
        return null;
      }
      case REJECTED -> {
        incident.say(CLOSED, v.rejectedBy(), v.rejectReason());
        return result(Outcome.NO_RUNBOOK, "closed by " + v.rejectedBy());
      }
      default -> {
        incident.say(EXPIRED, null, null);
        return result(Outcome.EXPIRED, "nobody picked a runbook in time");
      }
    }
  }

  private List<String> approvers(List<Principal> principals) {
    return Principal.anyGroup(principals)
        ? incident.activities().directory.resolveApprovers(principals)
        : Principal.ids(principals);
  }

  /** Applies the route; returns the result when the incident ends at the gate, else null. */
  private IncidentResult passGate(
      GatePolicy.Route route, Gate gate, PolicySnapshot policy, Classification c) {
    switch (route) {
      case NO_RUNBOOK -> {
        gate.none();
        incident.refreshCard();
        incident.say(NO_RUNBOOK, policy.onCall(), null);
        return result(Outcome.NO_RUNBOOK, "no runbook matched");
      }
      case AUTO_APPROVE -> {
        gate.autoApprove(Workflow.currentTimeMillis());
        incident.refreshCard();
        incident.say(AUTO_APPROVED, null, null);
        return null;
      }
      default -> {
        incident.say(AWAITING_APPROVAL, null, null);
        humanGate.await(gate, policy.approversFor(c.runbookId()));
        incident.refreshCard();
        GateView v = gate.view();
        switch (gate.state()) {
          case EXPIRED -> {
            incident.say(EXPIRED, null, null);
            return result(Outcome.EXPIRED, "no decision within the approval timeout");
          }
          case REJECTED -> {
            incident.say(REJECTED, v.rejectedBy(), v.rejectReason());
            return result(Outcome.REJECTED, "rejected by " + v.rejectedBy());
          }
          default -> {
            incident.say(
                new dev.greenlight.api.ThreadUpdate(APPROVED, v.decidedBy(), null, v.approvals()));
            return null;
          }
        }
      }
    }
  }

  private IncidentResult remediateAndVerify(
      String workflowId, IncidentRequest req, Classification c, String proposal) {
    IncidentActivities act = incident.activities();
    incident.say(REMEDIATION_STARTED, null, c.action());
    ActionResult done;
    try {
      done =
          act.remediate.remediate(
              workflowId, req.incidentId(), c.runbookId(), req.service(), proposal);
    } catch (ActivityFailure e) {
      if (e.getCause() instanceof ApplicationFailure af && "ProposalChanged".equals(af.getType())) {
        throw e;
      }
      incident.audit(Kind.ACTION, null, "failed: " + Incident.rootMessage(e));
      incident.say(REMEDIATION_FAILED, req.policy().onCall(), Incident.rootMessage(e));
      return result(Outcome.REMEDIATION_FAILED, Incident.rootMessage(e));
    }
    incident.audit(
        Kind.ACTION, null, done.summary() + ", idempotency key " + done.idempotencyKey());
    incident.say(REMEDIATION_FINISHED, null, done.summary());
    VerificationResult v;
    try {
      v = act.verify.verify(req.incidentId(), c.runbookId(), req.service());
    } catch (ActivityFailure e) {
      v = new VerificationResult(false, 0, 0, Incident.rootMessage(e));
    }
    incident.audit(
        Kind.VERIFICATION, null, (v.recovered() ? "recovered: " : "failed: ") + v.detail());
    if (v.recovered()) {
      incident.say(RECOVERED, null, v.detail());
      return result(Outcome.RECOVERED, v.detail());
    }
    incident.say(ESCALATED, req.policy().onCall(), v.detail());
    return result(Outcome.ESCALATED, v.detail());
  }

  private Classification classify(IncidentRequest req) {
    Classification c =
        incident.activities().classify.classify(req.service(), req.incidentId(), req.text());
    incident.audit(
        Kind.CLASSIFIED,
        null,
        c.label()
            + " ("
            + Math.round(c.confidence() * 100)
            + "%, "
            + (c.risk() == null ? "no risk tier" : c.risk().label() + " risk")
            + ", model "
            + c.model()
            + ")");
    return c;
  }

  @Override
  public void decide(Decision decision) {
    if (humanGate != null) {
      humanGate.offer(decision);
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
  public GateView gate() {
    return incident == null ? new Gate().view() : incident.gate().view();
  }

  @Override
  public List<AuditEntry> audit() {
    return incident == null ? List.of() : incident.auditLog();
  }

  private IncidentResult result(Outcome outcome, String detail) {
    return new IncidentResult(outcome, incident.gate().view(), detail);
  }
}
