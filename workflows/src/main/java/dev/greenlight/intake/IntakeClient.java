package dev.greenlight.intake;

import dev.greenlight.api.IntakeAnswer;
import dev.greenlight.api.IntakeBatch;
import dev.greenlight.workflows.RemediationWorkflow;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowUpdateStage;

/**
 * Delivers a batch of alerts to the intake with update-with-start: the first delivery creates the
 * intake, every later one (from any replica) reaches the running one.
 */
public final class IntakeClient {
  /** How often a delivery is tried when it meets the intake between two runs. */
  static final int ATTEMPTS = 3;

  private IntakeClient() {}

  /**
   * What the intake decided for each alert of {@code batch}.
   *
   * @throws RuntimeException (Temporal's) when the intake could not be reached or failed the
   *     delivery
   */
  public static IntakeAnswer deliver(WorkflowClient client, IntakeBatch batch) {
    RuntimeException last = null;
    for (int i = 0; i < ATTEMPTS; i++) {
      try {
        return once(client, batch);
      } catch (io.temporal.client.WorkflowServiceException e) {
        // e.g. the intake was continuing as new as the update arrived: the next try reaches the
        // new run. Decisions already made are found as repeats.
        last = e;
      }
    }
    throw last;
  }

  private static IntakeAnswer once(WorkflowClient client, IntakeBatch batch) {
    AlertIntake intake =
        client.newWorkflowStub(
            AlertIntake.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(AlertIntake.WORKFLOW_ID)
                .setTaskQueue(RemediationWorkflow.TASK_QUEUE)
                .setWorkflowIdConflictPolicy(
                    WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
                .build());
    return WorkflowClient.executeUpdateWithStart(
        intake::deliver,
        batch,
        UpdateOptions.<IntakeAnswer>newBuilder()
            .setWaitForStage(WorkflowUpdateStage.COMPLETED)
            .build(),
        new WithStartWorkflowOperation<>(intake::run, IntakeState.EMPTY));
  }
}
