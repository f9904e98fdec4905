package dev.greenlight.workflows;

import static dev.greenlight.workflows.HistoryEvents.count;
import static dev.greenlight.workflows.HistoryEvents.scheduled;
import static dev.greenlight.workflows.HistoryEvents.tasksBeforeTheLastMarker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.api.ActionPreview;
import dev.greenlight.api.Decision;
import dev.greenlight.api.Decision.Verdict;
import dev.greenlight.api.Outcome;
import dev.greenlight.api.Risk;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowFailedException;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;
import org.junit.jupiter.api.Test;

/**
 * Version 1 of {@link Reads#CHANGE_ID}: the classification and the dry run run in the worker, as
 * local activities, so an incident is at its gate after the one workflow task that started it, and
 * an auto-approved one needs a workflow task only for its action and its check. A read that fails
 * in the worker goes on as the regular activity; one that can never succeed does not.
 */
class LocalReadsTest extends WorkflowFixture {

  @Test
  void aGatedIncidentIsAtItsGateAfterOneWorkflowTaskAndReplays() throws Exception {
    classifier.answer = Fakes.classification(Risk.HIGH, 0.99);
    remediator.preview = ActionPreview.change("replicas 3 -> 6");
    RemediationWorkflow wf = start("LR1");
    String nonce = awaitOpenGate(wf);

    WorkflowExecutionHistory atTheGate = history("LR1");
    assertThat(scheduled(atTheGate)).as("no activity task before the gate").isEmpty();
    assertThat(tasksBeforeTheLastMarker(atTheGate))
        .as("the classification, the dry run and the card, all in the task that started it")
        .isEqualTo(1);
    assertThat(notifier.posted).singleElement();
    assertThat(notifier.posted.get(0).classification().preview().text())
        .isEqualTo("replicas 3 -> 6");

    wf.decide(new Decision(Verdict.APPROVE, ALICE, nonce, null, 0, "a"));
    wf.decide(new Decision(Verdict.APPROVE, BOB, nonce, null, 0, "b"));
    assertThat(result("LR1").outcome()).isEqualTo(Outcome.RECOVERED);
    WorkflowExecutionHistory history = history("LR1");
    assertThat(scheduled(history)).containsExactly("Remediate", "Verify");
    WorkflowReplayer.replayWorkflowExecution(history, RemediationWorkflowImpl.class);
  }

  @Test
  void anAutoApprovedIncidentTakesThreeWorkflowTasks() throws Exception {
    classifier.answer = Fakes.classification(Risk.LOW, 0.95);
    start("LR2");
    assertThat(result("LR2").outcome()).isEqualTo(Outcome.RECOVERED);
    WorkflowExecutionHistory history = history("LR2");

    assertThat(scheduled(history)).containsExactly("Remediate", "Verify");
    // The start (classification and card inside it), then one after the action and the check.
    assertThat(count(history, EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED)).isEqualTo(3);
    WorkflowReplayer.replayWorkflowExecution(history, RemediationWorkflowImpl.class);
  }

  @Test
  void aClassificationThatFailsInTheWorkerGoesOnAsTheRegularActivity() throws Exception {
    classifier.answer = Fakes.classification(Risk.LOW, 0.95);
    classifier.failFirst.set(2);
    start("LR3");
    assertThat(result("LR3").outcome()).isEqualTo(Outcome.RECOVERED);

    // Two attempts in the worker, then the activity, whose first attempt answers.
    assertThat(classifier.calls).hasValue(3);
    assertThat(scheduled(history("LR3"))).containsExactly("Classify", "Remediate", "Verify");
  }

  @Test
  void aClassificationThatCanNeverSucceedIsNotRetriedAsAnActivity() {
    classifier.failFirst.set(1);
    classifier.failPermanently = true;
    start("LR4");

    assertThatThrownBy(() -> result("LR4")).isInstanceOf(WorkflowFailedException.class);
    assertThat(classifier.calls).hasValue(1);
    assertThat(scheduled(history("LR4"))).isEmpty();
    assertThat(remediator.actions).hasValue(0);
  }

  private WorkflowExecutionHistory history(String id) {
    return client.fetchHistory(RemediationWorkflow.workflowId(id));
  }
}
