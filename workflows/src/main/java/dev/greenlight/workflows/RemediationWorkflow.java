package dev.greenlight.workflows;

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
   * An approver's click. Ignored unless the gate is open, the nonce is the open gate's and the user
   * is an approver: the workflow is the source of truth, whatever the bot checked before.
   */
  @SignalMethod
  void decide(Decision decision);

  /** The gate's current state, for the bot's fast feedback on a click. */
  @QueryMethod
  GateView gate();
}
