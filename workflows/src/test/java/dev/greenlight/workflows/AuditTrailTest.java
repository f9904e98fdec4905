package dev.greenlight.workflows;

import static dev.greenlight.api.AuditEntry.Kind.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.api.AuditEntry;
import dev.greenlight.api.Decision;
import dev.greenlight.api.Decision.Verdict;
import org.junit.jupiter.api.Test;

class AuditTrailTest extends WorkflowFixture {

  @Test
  void timelineRecordsEveryStepAndEveryClickFromWorkflowState() {
    RemediationWorkflow wf = start("AU1");
    String nonce = awaitOpenGate(wf);
    wf.decide(new Decision(Verdict.APPROVE, MALLORY, nonce));
    wf.decide(new Decision(Verdict.APPROVE, ALICE, nonce));
    result("AU1");

    var audit =
        client
            .newWorkflowStub(RemediationWorkflow.class, RemediationWorkflow.workflowId("AU1"))
            .audit();
    assertThat(audit)
        .extracting(AuditEntry::kind)
        .containsExactly(
            REQUESTED,
            CLASSIFIED,
            POLICY,
            GATE_OPENED,
            CLICK_REFUSED,
            CLICK_ACCEPTED,
            GATE_CLOSED,
            ACTION,
            VERIFICATION);
    assertThat(audit.get(0).actor()).isEqualTo(REQUESTER);
    assertThat(audit.get(1).detail()).contains("oom-killed", "90%", "medium risk", "test-model");
    assertThat(audit.get(4).actor()).isEqualTo(MALLORY);
    assertThat(audit.get(4).detail()).contains("NOT_AN_APPROVER");
    assertThat(audit.get(7).detail()).contains("idempotency key incident-AU1:restart-oom-pods");
  }
}
