package dev.greenlight.rails;

import dev.greenlight.api.Hold;
import dev.greenlight.api.RailsPolicy;
import dev.greenlight.api.RailsVerdict;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rails' side effects: the breakers' workflows, reached with the worker's client. A breaker
 * that does not exist yet starts on {@link BreakerWorkflow#TASK_QUEUE}.
 */
public final class RailsActivitiesImpl implements RailsActivities {
  private final WorkflowClient client;

  public RailsActivitiesImpl(WorkflowClient client) {
    this.client = client;
  }

  @Override
  public RailsVerdict check(String service, String runbookId, long nowMillis, RailsPolicy rails) {
    List<Hold> holds = new ArrayList<>();
    if (rails.breakerOn()) {
      BreakerCount.at(
              breaker(service, runbookId),
              rails.breakerFailures(),
              rails.breakerWindowSeconds(),
              nowMillis,
              service,
              runbookId)
          .ifPresent(holds::add);
    }
    FreezeCalendar.at(nowMillis, rails.freezes()).ifPresent(holds::add);
    return new RailsVerdict(holds);
  }

  @Override
  public void verificationFailed(
      String service, String runbookId, String incidentId, long atMillis) {
    // Signal-with-start: the first failure creates the breaker; the breaker counts an incident
    // once, so a retried activity changes nothing.
    stub(service, runbookId)
        .signalWithStart(
            "failed", new Object[] {incidentId, atMillis}, new Object[] {BreakerState.EMPTY});
  }

  @Override
  public void resetBreaker(String service, String runbookId, String userId, long atMillis) {
    stub(service, runbookId)
        .signalWithStart(
            "reset", new Object[] {userId, atMillis}, new Object[] {BreakerState.EMPTY});
  }

  private BreakerState breaker(String service, String runbookId) {
    try {
      return Optional.ofNullable(
              client
                  .newWorkflowStub(
                      BreakerWorkflow.class, BreakerWorkflow.workflowId(service, runbookId))
                  .state())
          .orElse(BreakerState.EMPTY);
    } catch (WorkflowNotFoundException e) {
      return BreakerState.EMPTY;
    }
  }

  private WorkflowStub stub(String service, String runbookId) {
    return client.newUntypedWorkflowStub(
        "BreakerWorkflow",
        WorkflowOptions.newBuilder()
            .setWorkflowId(BreakerWorkflow.workflowId(service, runbookId))
            .setTaskQueue(BreakerWorkflow.TASK_QUEUE)
            .build());
  }
}
