package dev.greenlight.workflows;

import static dev.greenlight.api.ThreadUpdate.Step.*;
import static dev.greenlight.workflows.HistoryEvents.count;
import static dev.greenlight.workflows.HistoryEvents.scheduled;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.api.Decision;
import dev.greenlight.api.Decision.Verdict;
import dev.greenlight.api.Outcome;
import dev.greenlight.api.Risk;
import io.temporal.api.enums.v1.EventType;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;
import org.junit.jupiter.api.Test;

/**
 * Version 1 of {@link Notices#CHANGE_ID}: Slack notifications run as local activities first, so the
 * card and the thread posts between two real activities share one workflow task. The same posts in
 * the same order; far fewer workflow tasks; and the new histories replay (the recorded ones,
 * version {@code DEFAULT}, are {@link ReplayTest}'s).
 */
class LocalNotificationsTest extends WorkflowFixture {

  @Test
  void anAutoApprovedIncidentTakesThreeWorkflowTasksInsteadOfTenAndReplays() throws Exception {
    classifier.answer = Fakes.classification(Risk.LOW, 0.95);
    start("LN1");
    assertThat(result("LN1").outcome()).isEqualTo(Outcome.RECOVERED);
    WorkflowExecutionHistory history = history("LN1");

    assertThat(notifier.steps)
        .containsExactly(
            CLASSIFIED, AUTO_APPROVED, REMEDIATION_STARTED, REMEDIATION_FINISHED, RECOVERED);
    // The classification is a local activity too (version 1 of Reads.CHANGE_ID).
    assertThat(scheduled(history)).containsExactly("Remediate", "Verify");
    assertThat(count(history, EventType.EVENT_TYPE_MARKER_RECORDED))
        .as("four version markers, the classification, six notifications and the outcome")
        .isEqualTo(12);
    // Start, then one task after each of the two activities (the recorded auto path: 10).
    assertThat(count(history, EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED)).isEqualTo(3);
    WorkflowReplayer.replayWorkflowExecution(history, RemediationWorkflowImpl.class);
  }

  @Test
  void aTwoApproverGateCountsTheSameAndItsHistoryReplays() throws Exception {
    classifier.answer = Fakes.classification(Risk.HIGH, 0.99);
    RemediationWorkflow wf = start("LN2");
    String nonce = awaitOpenGate(wf);
    wf.decide(new Decision(Verdict.APPROVE, ALICE, nonce, null, 0, "a"));
    wf.decide(new Decision(Verdict.APPROVE, ALICE, nonce, null, 0, "a"));
    wf.decide(new Decision(Verdict.APPROVE, BOB, nonce, null, 0, "b"));
    assertThat(result("LN2").outcome()).isEqualTo(Outcome.RECOVERED);
    WorkflowExecutionHistory history = history("LN2");

    assertThat(notifier.steps).contains(APPROVAL_RECORDED, APPROVED).endsWith(RECOVERED);
    assertThat(notifier.told).isEmpty();
    assertThat(scheduled(history)).containsExactly("Remediate", "Verify");
    WorkflowReplayer.replayWorkflowExecution(history, RemediationWorkflowImpl.class);
  }

  private WorkflowExecutionHistory history(String id) {
    return client.fetchHistory(RemediationWorkflow.workflowId(id));
  }
}
