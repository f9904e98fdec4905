package dev.greenlight.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.rails.BreakerState;
import dev.greenlight.rails.BreakerWorkflow;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Breakers run on {@link BreakerWorkflow#TASK_QUEUE}. One that was started on the incidents' queue,
 * before the breakers had their own, moves there at its next run and keeps its failures.
 */
class BreakerMovesToItsOwnQueueTest extends WorkflowFixture {
  private static final String ID = BreakerWorkflow.workflowId("checkout-api", "restart-oom-pods");

  @Test
  void aBreakerOnTheIncidentsQueueContinuesOnItsOwnWithItsFailures() {
    WorkflowStub legacy =
        client.newUntypedWorkflowStub(
            "BreakerWorkflow",
            WorkflowOptions.newBuilder()
                .setWorkflowId(ID)
                .setTaskQueue(RemediationWorkflow.TASK_QUEUE)
                .build());
    legacy.signalWithStart(
        "failed", new Object[] {"OLD1", env.currentTimeMillis()}, new Object[] {null});
    assertThat(taskQueue()).isEqualTo(RemediationWorkflow.TASK_QUEUE);

    env.sleep(Duration.ofDays(8));

    assertThat(taskQueue()).isEqualTo(BreakerWorkflow.TASK_QUEUE);
    BreakerState state = client.newWorkflowStub(BreakerWorkflow.class, ID).state();
    assertThat(state.failures())
        .extracting(BreakerState.Failure::incidentId)
        .containsExactly("OLD1");
  }

  private String taskQueue() {
    return client
        .newUntypedWorkflowStub(ID)
        .describe()
        .getRawDescription()
        .getExecutionConfig()
        .getTaskQueue()
        .getName();
  }
}
