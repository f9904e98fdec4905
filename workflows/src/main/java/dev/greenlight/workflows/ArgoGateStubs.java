package dev.greenlight.workflows;

import dev.greenlight.argogate.ArgoGateActivities;
import dev.greenlight.argogate.ArgoGateActivitiesImpl;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/** The Argo gate's activity stubs, with their timeouts and retry policies. */
final class ArgoGateStubs {
  /** A read of the node: brief; a failure only means the next check reads again. */
  final ArgoGateActivities read =
      Workflow.newActivityStub(
          ArgoGateActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(30))
              .setRetryOptions(retry(Duration.ofSeconds(1), Duration.ofSeconds(10), 3))
              .build());

  /**
   * Approve or stop: idempotent, so retried for a long while (a node that must be stopped at expiry
   * is stopped once Argo answers again); a refusal (RBAC) is not retried.
   */
  final ArgoGateActivities decide =
      Workflow.newActivityStub(
          ArgoGateActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofMinutes(1))
              .setScheduleToCloseTimeout(Duration.ofDays(1))
              .setRetryOptions(retry(Duration.ofSeconds(2), Duration.ofMinutes(5), 0))
              .build());

  /**
   * Following the workflow to its end: one heartbeating activity however long the pipeline runs, so
   * the history does not grow with it.
   */
  final ArgoGateActivities follow =
      Workflow.newActivityStub(
          ArgoGateActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofDays(7))
              .setHeartbeatTimeout(Duration.ofMinutes(2))
              .setRetryOptions(retry(Duration.ofSeconds(5), Duration.ofMinutes(1), 20))
              .build());

  private static RetryOptions retry(Duration initial, Duration max, int attempts) {
    return Retries.of(initial, max, attempts, ArgoGateActivitiesImpl.REFUSED);
  }
}
