package dev.greenlight.rails;

import dev.greenlight.api.RailsPolicy;
import dev.greenlight.api.RailsVerdict;
import io.temporal.activity.ActivityInterface;

/**
 * What an incident asks of the rails. The answers are recorded in the incident's history, so a
 * replay sees the same decision whatever the breaker says later.
 */
@ActivityInterface
public interface RailsActivities {
  /**
   * The holds in force at {@code nowMillis} (the workflow's time) for {@code runbookId} on {@code
   * service}: its breaker (read from the breaker's workflow) and the freeze windows of {@code
   * rails}. Read-only, so safe to run again: since version 2 of the workflow's rails change it runs
   * as a local activity first. A breaker's query is answered on {@link BreakerWorkflow#TASK_QUEUE},
   * never with one of the workflow-task slots the waiting local activity holds.
   */
  RailsVerdict check(String service, String runbookId, long nowMillis, RailsPolicy rails);

  /**
   * Tells the breaker of {@code runbookId} on {@code service} that a verification failed, and
   * returns once the breaker has applied it (or after a bounded wait). Idempotent: the breaker
   * counts an incident ({@code incidentId}, the idempotency key) once.
   */
  void verificationFailed(String service, String runbookId, String incidentId, long atMillis);

  /** Resets the breaker of {@code runbookId} on {@code service}. */
  void resetBreaker(String service, String runbookId, String userId, long atMillis);
}
