package dev.greenlight.workflows;

import static dev.greenlight.workflows.HistoryEvents.scheduled;
import static dev.greenlight.workflows.HistoryEvents.tasksBeforeTheLastMarker;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.api.Hold;
import dev.greenlight.api.RailsPolicy;
import dev.greenlight.api.RailsVerdict;
import dev.greenlight.api.Risk;
import dev.greenlight.rails.RailsActivities;
import io.temporal.client.WorkflowClient;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Version 2 of {@link Rails#CHANGE_ID}: the rails are read by a local activity, in the workflow
 * task that classified the incident, so an incident with the breaker on reaches its gate in that
 * one task. A check that fails in the worker goes on as the regular activity.
 */
class RailsCheckInTheWorkerTest extends WorkflowFixture {
  /** Local checks to fail before they answer; the regular activity never fails. */
  private final AtomicInteger localFailures = new AtomicInteger();

  @Override
  RailsActivities railsActivities(WorkflowClient workflowClient) {
    RailsActivities real = super.railsActivities(workflowClient);
    return new RailsActivities() {
      @Override
      public RailsVerdict check(String service, String runbookId, long now, RailsPolicy rails) {
        if (io.temporal.activity.Activity.getExecutionContext().getInfo().isLocal()
            && localFailures.getAndDecrement() > 0) {
          throw new IllegalStateException("the breaker's query timed out");
        }
        return real.check(service, runbookId, now, rails);
      }

      @Override
      public void verificationFailed(String service, String runbookId, String id, long at) {
        real.verificationFailed(service, runbookId, id, at);
      }

      @Override
      public void resetBreaker(String service, String runbookId, String userId, long at) {
        real.resetBreaker(service, runbookId, userId, at);
      }
    };
  }

  @BeforeEach
  void breakerOn() {
    rails = new RailsPolicy(2, 3600, List.of(), RailsPolicy.HighRiskInFreeze.EXTRA_APPROVER);
  }

  @Test
  void aGatedIncidentWithTheBreakerOnIsAtItsGateAfterOneWorkflowTask() throws Exception {
    classifier.answer = Fakes.classification(Risk.HIGH, 0.99);
    RemediationWorkflow wf = start("RC1");
    awaitOpenGate(wf);

    WorkflowExecutionHistory atTheGate = client.fetchHistory(RemediationWorkflow.workflowId("RC1"));
    assertThat(scheduled(atTheGate)).as("no activity task before the gate").isEmpty();
    assertThat(tasksBeforeTheLastMarker(atTheGate)).isEqualTo(1);
    assertThat(wf.audit()).noneMatch(e -> e.detail().startsWith("rails could not be read"));
    WorkflowReplayer.replayWorkflowExecution(atTheGate, RemediationWorkflowImpl.class);
  }

  @Test
  void aTrippedBreakerReadInTheWorkerStillWithholdsAutoApproval() {
    classifier.answer = Fakes.classification(Risk.LOW, 0.97);
    remediator.recovers = false;
    for (String id : List.of("RC2", "RC3")) {
      start(id);
      result(id);
    }
    RemediationWorkflow third = start("RC4");
    awaitOpenGate(third);

    assertThat(notifier.posted.get(notifier.posted.size() - 1).holds())
        .extracting(Hold::kind)
        .containsExactly(Hold.Kind.BREAKER);
    assertThat(scheduled(client.fetchHistory(RemediationWorkflow.workflowId("RC4"))))
        .doesNotContain("Check");
  }

  @Test
  void aCheckThatFailsInTheWorkerGoesOnAsTheRegularActivity() {
    localFailures.set(2);
    classifier.answer = Fakes.classification(Risk.HIGH, 0.99);
    RemediationWorkflow wf = start("RC5");
    awaitOpenGate(wf);

    assertThat(localFailures.get()).as("both local attempts were made").isLessThanOrEqualTo(0);
    assertThat(scheduled(client.fetchHistory(RemediationWorkflow.workflowId("RC5"))))
        .containsExactly("Check");
    assertThat(wf.audit()).noneMatch(e -> e.detail().startsWith("rails could not be read"));
  }
}
