package dev.greenlight.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.api.Decision;
import dev.greenlight.api.Decision.Verdict;
import dev.greenlight.api.Outcome;
import dev.greenlight.api.Risk;
import io.temporal.testing.WorkflowReplayer;
import org.junit.jupiter.api.Test;

/**
 * Version 1 of {@link RemediationWorkflowImpl#LATE_CLICKS_CHANGE}: a click that arrives while the
 * incident is ending, here while Slack is still showing the outcome on the card, is answered before
 * the workflow closes, and the history replays.
 */
class LateClicksTest extends WorkflowFixture {

  @Test
  void aClickThatArrivesWhileTheOutcomeIsShownIsAnsweredBeforeTheWorkflowCloses() throws Exception {
    classifier.answer = Fakes.classification(Risk.HIGH, 0.99);
    RemediationWorkflow wf = start("LC1");
    String nonce = awaitOpenGate(wf);
    RemediationWorkflow late =
        client.newWorkflowStub(RemediationWorkflow.class, RemediationWorkflow.workflowId("LC1"));
    notifier.whileShowingTheOutcome =
        () -> late.decide(new Decision(Verdict.APPROVE, DAN, nonce, null, 0, "late"));

    wf.decide(new Decision(Verdict.APPROVE, ALICE, nonce, null, 0, "a"));
    wf.decide(new Decision(Verdict.APPROVE, BOB, nonce, null, 0, "b"));

    assertThat(result("LC1").outcome()).isEqualTo(Outcome.RECOVERED);
    assertThat(notifier.whileShowingTheOutcome).as("the late click was sent").isNull();
    assertThat(notifier.told).containsExactly(DAN + ":GATE_CLOSED");
    WorkflowReplayer.replayWorkflowExecution(
        client.fetchHistory(RemediationWorkflow.workflowId("LC1")), RemediationWorkflowImpl.class);
  }
}
