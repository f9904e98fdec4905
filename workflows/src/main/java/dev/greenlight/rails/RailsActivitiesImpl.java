package dev.greenlight.rails;

import dev.greenlight.api.Hold;
import dev.greenlight.api.RailsPolicy;
import dev.greenlight.api.RailsVerdict;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rails' side effects: the breakers' workflows, reached with the worker's client. A breaker
 * that does not exist yet starts on {@link BreakerWorkflow#TASK_QUEUE}.
 */
public final class RailsActivitiesImpl implements RailsActivities {
  /** How long telling a breaker of a failure waits for the breaker to apply it. */
  static final Duration APPLIED_WAIT = Duration.ofSeconds(2);

  private static final long POLL_MILLIS = 20;
  private static final Logger log = LoggerFactory.getLogger(RailsActivitiesImpl.class);

  private final WorkflowClient client;
  private final Duration appliedWait;

  public RailsActivitiesImpl(WorkflowClient client) {
    this(client, APPLIED_WAIT);
  }

  RailsActivitiesImpl(WorkflowClient client, Duration appliedWait) {
    this.client = client;
    this.appliedWait = appliedWait;
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
    awaitApplied(service, runbookId, incidentId);
  }

  /**
   * Waits until the breaker holds the failure. The signal is stored at once, but the breaker
   * applies it in its next workflow task, and a query in between (the next incident's check) reads
   * the breaker without it: an incident that starts after this one's failure was told must find it
   * counted. At most {@link #APPLIED_WAIT} (a busy or stopped breaker worker); then the stored
   * signal still applies on its own, so this only logs.
   */
  private void awaitApplied(String service, String runbookId, String incidentId) {
    long deadline = System.nanoTime() + appliedWait.toNanos();
    while (breaker(service, runbookId).failures().stream()
        .noneMatch(f -> f.incidentId().equals(incidentId))) {
      if (System.nanoTime() >= deadline) {
        log.warn(
            "The breaker of {} on {} has not applied the failure of {} within {} ms; it will when"
                + " its worker runs",
            runbookId,
            service,
            incidentId,
            appliedWait.toMillis());
        return;
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
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
