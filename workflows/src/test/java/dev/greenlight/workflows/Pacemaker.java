package dev.greenlight.workflows;

import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;

/**
 * A test-only workflow that only ticks. The time-skipping test server jumps to its next timer
 * whenever it sees nothing to do, and at odd moments (an activity or a local activity in flight)
 * that next timer is the 10-year cap it puts on every run: a test that depends on where it is in
 * time (a freeze window, a breaker's window) would find itself ten years later. While a pacemaker
 * runs, no jump is longer than its period.
 */
@WorkflowInterface
public interface Pacemaker {
  @WorkflowMethod
  void run(long periodMillis);

  /** The implementation: a timer after a timer, forever. */
  final class Impl implements Pacemaker {
    @Override
    public void run(long periodMillis) {
      while (true) {
        Workflow.sleep(Duration.ofMillis(periodMillis));
      }
    }
  }
}
