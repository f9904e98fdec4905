package dev.greenlight.rails;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * A long-lived entity, one per service and runbook: the circuit breaker's durable memory across
 * incidents. Incidents signal it (through {@link RailsActivities}) when a verification fails and
 * read it before routing; an approver's reset from a card signals it too. It decides nothing: the
 * rule is {@link BreakerCount}, applied to the incident's own time.
 *
 * <p>Breakers run on a task queue of their own, {@link #TASK_QUEUE}, with workflow-task slots of
 * their own: an incident reads its breaker with a query from a local activity, which holds one of
 * the incidents' workflow-task slots while it waits, so the query must never need one of those.
 */
@WorkflowInterface
public interface BreakerWorkflow {
  /** The breakers' own task queue. */
  String TASK_QUEUE = "greenlight-breakers";

  /** The workflow ID of the breaker of {@code runbookId} on {@code service}. */
  static String workflowId(String service, String runbookId) {
    return "breaker-" + service + "/" + runbookId;
  }

  @WorkflowMethod
  void run(BreakerState state);

  /** A verification of this runbook on this service failed in incident {@code incidentId}. */
  @SignalMethod
  void failed(String incidentId, long atMillis);

  /** An approver reset the breaker: failures until {@code atMillis} no longer count. */
  @SignalMethod
  void reset(String userId, long atMillis);

  @QueryMethod
  BreakerState state();
}
