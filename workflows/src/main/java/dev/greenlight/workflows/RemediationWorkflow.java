package dev.greenlight.workflows;

import dev.greenlight.api.AlertNote;
import dev.greenlight.api.AuditEntry;
import dev.greenlight.api.CardRef;
import dev.greenlight.api.Decision;
import dev.greenlight.api.GateView;
import dev.greenlight.api.IncidentRequest;
import dev.greenlight.api.IncidentResult;
import dev.greenlight.api.IncidentSummary;
import dev.greenlight.api.Refusal;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** One incident, from classification to verified fix, with a human gate where policy asks. */
@WorkflowInterface
public interface RemediationWorkflow {
  /** The task queue that Greenlight's worker polls. */
  String TASK_QUEUE = "greenlight";

  /** The workflow ID for an incident ID. */
  static String workflowId(String incidentId) {
    return "incident-" + incidentId;
  }

  @WorkflowMethod
  IncidentResult run(IncidentRequest request);

  /**
   * A person's click (approve, reject with a reason, snooze). Counted only if {@link
   * dev.greenlight.api.GateCheck#check} allows it on the workflow's own state: the workflow is the
   * source of truth, whatever the bot checked before. A click with a {@code clickId} already seen
   * counts once.
   */
  @SignalMethod
  void decide(Decision decision);

  /**
   * A click the bot refused before signalling (fast feedback): recorded in the timeline only, so
   * the audit shows every click. It changes nothing at the gate.
   */
  @SignalMethod
  void noteRefusal(Decision decision, Refusal.Reason reason);

  /**
   * News from the alerts (only for incidents an alert started): the incident's own alert resolved
   * (an open gate closes with nothing run; a running action is not cancelled, the thread says so),
   * or another alert for its service fires or stopped firing and joins its thread. Repeats are told
   * once.
   */
  @SignalMethod
  void alertUpdate(AlertNote note);

  /**
   * An approver's click on the card's "Reset breaker" button. The workflow checks it on its own
   * state (an approver of this runbook, this card, a breaker holding the incident); the payload
   * only says who clicked and where.
   */
  @SignalMethod
  void resetBreaker(String userId, CardRef card, String clickId);

  /** Where the incident stands, for {@code /remediate list}, {@code status} and the App Home. */
  @QueryMethod
  IncidentSummary summary();

  /** The gate's current state, for the bot's fast feedback on a click. */
  @QueryMethod
  GateView gate();

  /**
   * The incident's timeline: request, classification, policy, every click, action, verification.
   */
  @QueryMethod
  java.util.List<AuditEntry> audit();
}
