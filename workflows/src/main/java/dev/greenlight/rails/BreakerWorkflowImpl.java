package dev.greenlight.rails;

import io.temporal.workflow.ContinueAsNewOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * Keeps the breaker's state for as long as the service and runbook exist. It continues as new after
 * {@link #SIGNALS_PER_RUN} signals or {@link #RUN_LENGTH}, whichever comes first, handing its state
 * over, so its history stays small and no run outlives a server's cap on run length (the SDK's test
 * server caps every run at 10 years; a real server has no cap). From version 1 of {@value
 * #QUEUE_CHANGE} the next run goes to {@link BreakerWorkflow#TASK_QUEUE}, so a breaker started on
 * the incidents' queue before the breakers had their own moves there within a week.
 */
public final class BreakerWorkflowImpl implements BreakerWorkflow {
  static final int SIGNALS_PER_RUN = 500;
  static final Duration RUN_LENGTH = Duration.ofDays(7);

  /** The {@code Workflow.getVersion} change that moves every next run to the breakers' queue. */
  static final String QUEUE_CHANGE = "breaker-queue";

  private BreakerState state = BreakerState.EMPTY;
  private int signals;

  @Override
  public void run(BreakerState initial) {
    // Signals sent with the start (signal-with-start) are handled before this method runs: keep
    // them on top of what the previous run handed over.
    state = (initial == null ? BreakerState.EMPTY : initial).then(state);
    Workflow.await(RUN_LENGTH, () -> signals >= SIGNALS_PER_RUN);
    if (Workflow.getVersion(QUEUE_CHANGE, Workflow.DEFAULT_VERSION, 1) >= 1) {
      Workflow.continueAsNew(
          ContinueAsNewOptions.newBuilder().setTaskQueue(BreakerWorkflow.TASK_QUEUE).build(),
          state);
    } else {
      Workflow.continueAsNew(state);
    }
  }

  @Override
  public void failed(String incidentId, long atMillis) {
    state = state.withFailure(new BreakerState.Failure(incidentId, atMillis));
    signals++;
  }

  @Override
  public void reset(String userId, long atMillis) {
    state = state.reset(userId, atMillis);
    signals++;
  }

  @Override
  public BreakerState state() {
    return state;
  }
}
