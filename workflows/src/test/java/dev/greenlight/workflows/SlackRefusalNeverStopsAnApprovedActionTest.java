package dev.greenlight.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.api.AuditEntry;
import dev.greenlight.api.Decision;
import dev.greenlight.api.Decision.Verdict;
import dev.greenlight.api.IncidentResult;
import dev.greenlight.api.Outcome;
import org.junit.jupiter.api.Test;

/**
 * Slack refusing the card refresh for good (channel gone, bot removed, token revoked) right after
 * the approval must not stop the approved action: it runs, and the timeline says Slack was not
 * told.
 */
class SlackRefusalNeverStopsAnApprovedActionTest extends WorkflowFixture {

  @Test
  void theApprovedActionRunsAndTheTimelineRecordsWhatSlackWasNotTold() {
    RemediationWorkflow wf = start("SR1");
    String nonce = awaitOpenGate(wf);
    notifier.slackError = "channel_not_found";
    notifier.retryable = false;

    wf.decide(new Decision(Verdict.APPROVE, ALICE, nonce));
    IncidentResult result = result("SR1");

    assertThat(result.outcome()).isEqualTo(Outcome.RECOVERED);
    assertThat(remediator.actions.get()).isEqualTo(1);
    assertThat(audit("SR1"))
        .filteredOn(e -> e.kind() == AuditEntry.Kind.NOTIFICATION_FAILED)
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.detail()).contains("channel_not_found"));
  }

  private java.util.List<AuditEntry> audit(String id) {
    return client
        .newWorkflowStub(RemediationWorkflow.class, RemediationWorkflow.workflowId(id))
        .audit();
  }
}
