package dev.greenlight.workflows;

import static dev.greenlight.activities.ThreadUpdate.Step.*;

import dev.greenlight.activities.ActionResult;
import dev.greenlight.activities.CardRef;
import dev.greenlight.activities.Classification;
import dev.greenlight.activities.IncidentCard;
import dev.greenlight.activities.ThreadUpdate;
import dev.greenlight.activities.VerificationResult;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import org.slf4j.Logger;

/** The story of one incident. Orchestration only: every effect is an activity. */
public final class RemediationWorkflowImpl implements RemediationWorkflow {
  private static final Logger log = Workflow.getLogger(RemediationWorkflowImpl.class);

  private final IncidentActivities act = new IncidentActivities();
  private final Gate gate = new Gate();
  private IncidentCard card;
  private CardRef cardRef;

  @Override
  public IncidentResult run(IncidentRequest req) {
    String workflowId = Workflow.getInfo().getWorkflowId();
    PolicySnapshot policy = req.policy();
    Classification c = act.classify.classify(req.service(), req.incidentId(), req.text());
    GatePolicy.Route route = GatePolicy.route(c, policy);

    card =
        new IncidentCard(
            req.incidentId(),
            workflowId,
            req.service(),
            req.text(),
            req.requesterId(),
            c,
            GateState.PENDING,
            null,
            policy.approvers(),
            null,
            0);
    if (route == GatePolicy.Route.HUMAN_GATE) {
      gate.open(Workflow.randomUUID().toString(), policy.approvers());
      card = card.withGate(GateState.OPEN, gate.nonce(), null, 0);
    }
    cardRef = act.notify.postCard(req.channelId(), card);
    say(CLASSIFIED, null, c.label());

    switch (route) {
      case NO_RUNBOOK -> {
        gate.none();
        refreshCard(GateState.NONE, null);
        say(NO_RUNBOOK, policy.onCall(), null);
        return result(Outcome.NO_RUNBOOK, "no runbook matched");
      }
      case AUTO_APPROVE -> {
        gate.autoApprove(Workflow.currentTimeMillis());
        refreshCard(GateState.AUTO_APPROVED, null);
        say(AUTO_APPROVED, null, null);
      }
      case HUMAN_GATE -> {
        say(AWAITING_APPROVAL, null, null);
        boolean decided =
            Workflow.await(Duration.ofSeconds(policy.approvalTimeoutSeconds()), gate::isDecided);
        if (!decided) {
          gate.expire(Workflow.currentTimeMillis());
          refreshCard(GateState.EXPIRED, null);
          say(EXPIRED, null, null);
          return result(Outcome.EXPIRED, "no decision within the approval timeout");
        }
        refreshCard(gate.state(), gate.decidedBy());
        if (gate.state() == GateState.REJECTED) {
          say(REJECTED, gate.decidedBy(), null);
          return result(Outcome.REJECTED, "rejected by " + gate.decidedBy());
        }
        say(APPROVED, gate.decidedBy(), null);
      }
    }
    return remediateAndVerify(workflowId, req, c);
  }

  private IncidentResult remediateAndVerify(
      String workflowId, IncidentRequest req, Classification c) {
    say(REMEDIATION_STARTED, null, c.action());
    ActionResult done;
    try {
      done = act.remediate.remediate(workflowId, req.incidentId(), c.runbookId(), req.service());
    } catch (ActivityFailure e) {
      say(REMEDIATION_FAILED, req.policy().onCall(), rootMessage(e));
      return result(Outcome.REMEDIATION_FAILED, rootMessage(e));
    }
    say(REMEDIATION_FINISHED, null, "HTTP " + done.status());
    VerificationResult v;
    try {
      v = act.verify.verify(req.incidentId(), c.runbookId(), req.service());
    } catch (ActivityFailure e) {
      v = new VerificationResult(false, 0, 0, rootMessage(e));
    }
    if (v.recovered()) {
      say(RECOVERED, null, v.detail());
      return result(Outcome.RECOVERED, v.detail());
    }
    say(ESCALATED, req.policy().onCall(), v.detail());
    return result(Outcome.ESCALATED, v.detail());
  }

  @Override
  public void decide(Decision decision) {
    String refusal = gate.accept(decision, Workflow.currentTimeMillis());
    if (refusal != null) {
      log.info("Ignored {} by {}: {}", decision.verdict(), decision.userId(), refusal);
    }
  }

  @Override
  public GateView gate() {
    return gate.view();
  }

  private void refreshCard(GateState state, String by) {
    card = card.withGate(state, null, by, gate.view().decidedAtMillis());
    act.notify.updateCard(cardRef, card);
  }

  /** Thread updates are best effort: a Slack outage must not stop a remediation. */
  private void say(ThreadUpdate.Step step, String actor, String detail) {
    try {
      act.notify.postUpdate(cardRef, card, new ThreadUpdate(step, actor, detail));
    } catch (ActivityFailure e) {
      log.warn("Could not post thread update {}: {}", step, rootMessage(e));
    }
  }

  private IncidentResult result(Outcome outcome, String detail) {
    return new IncidentResult(outcome, gate.view(), detail);
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }
}
