package dev.greenlight.rails;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Telling a breaker of a failed verification returns once the breaker has applied it, so the next
 * incident's check counts it; a breaker that does not apply it in time delays the telling by a
 * bounded wait, never fails it.
 */
class BreakerFailureIsCountedWhenToldTest {
  private static final String SERVICE = "checkout-api";
  private static final String RUNBOOK = "restart-oom-pods";

  private TestWorkflowEnvironment env;
  private WorkflowClient client;

  @BeforeEach
  void start() {
    // Real time: the slow breaker's timers must not be skipped while the telling waits.
    env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());
    env.newWorker(BreakerWorkflow.TASK_QUEUE)
        .registerWorkflowImplementationTypes(SlowBreaker.class);
    env.start();
    client = env.getWorkflowClient();
  }

  @AfterEach
  void stop() {
    env.close();
  }

  @Test
  void theFailureIsInTheBreakerWhenTheTellingReturns() {
    SlowBreaker.delayMillis = 300;
    new RailsActivitiesImpl(client).verificationFailed(SERVICE, RUNBOOK, "I1", 1_000);

    assertThat(breaker().state().failures())
        .extracting(BreakerState.Failure::incidentId)
        .containsExactly("I1");
  }

  @Test
  void aBreakerThatDoesNotApplyItInTimeDelaysTheTellingByTheWaitOnly() {
    SlowBreaker.delayMillis = 60_000;
    long start = System.nanoTime();
    new RailsActivitiesImpl(client, Duration.ofMillis(200))
        .verificationFailed(SERVICE, RUNBOOK, "I2", 1_000);

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    assertThat(breaker().state().failures()).isEmpty();
  }

  private BreakerWorkflow breaker() {
    return client.newWorkflowStub(
        BreakerWorkflow.class, BreakerWorkflow.workflowId(SERVICE, RUNBOOK));
  }

  /** A breaker whose worker takes a while to apply a failure, as a busy one does. */
  public static final class SlowBreaker implements BreakerWorkflow {
    static volatile long delayMillis;

    private BreakerState state = BreakerState.EMPTY;

    @Override
    public void run(BreakerState initial) {
      Workflow.await(() -> false);
    }

    @Override
    public void failed(String incidentId, long atMillis) {
      Workflow.sleep(Duration.ofMillis(delayMillis));
      state = state.withFailure(new BreakerState.Failure(incidentId, atMillis));
    }

    @Override
    public void reset(String userId, long atMillis) {}

    @Override
    public BreakerState state() {
      return state;
    }
  }
}
