package dev.greenlight.workflows;

import static dev.greenlight.api.ThreadUpdate.Step.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.api.Decision;
import dev.greenlight.api.Decision.Verdict;
import dev.greenlight.api.GateState;
import dev.greenlight.api.IncidentResult;
import dev.greenlight.api.Outcome;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HumanGateTest extends WorkflowFixture {

  @Test
  void approveRunsRemediationOnceAndVerifies() {
    RemediationWorkflow wf = start("A1");
    String nonce = awaitOpenGate(wf);
    assertThat(notifier.posted.get(0).gate().nonce()).isEqualTo(nonce);

    wf.decide(new Decision(Verdict.APPROVE, ALICE, nonce));
    wf.decide(new Decision(Verdict.APPROVE, ALICE, nonce));
    IncidentResult result = result("A1");

    assertThat(result.outcome()).isEqualTo(Outcome.RECOVERED);
    assertThat(result.gate().decidedBy()).isEqualTo(ALICE);
    assertThat(remediator.actions.get()).isEqualTo(1);
    assertThat(remediator.keys).containsExactly("incident-A1:restart-oom-pods");
    assertThat(notifier.steps)
        .containsExactly(
            CLASSIFIED,
            AWAITING_APPROVAL,
            APPROVED,
            REMEDIATION_STARTED,
            REMEDIATION_FINISHED,
            RECOVERED);
    assertThat(notifier.updates)
        .last()
        .extracting(c -> c.gate().state())
        .isEqualTo(GateState.APPROVED);
  }

  @Test
  void rejectClosesWithoutRemediation() {
    RemediationWorkflow wf = start("R1");
    wf.decide(
        new Decision(Verdict.REJECT, ALICE, awaitOpenGate(wf), "not during the sale", 0, "c1"));

    IncidentResult result = result("R1");
    assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(remediator.actions.get()).isZero();
    assertThat(notifier.steps).containsExactly(CLASSIFIED, AWAITING_APPROVAL, REJECTED);
    assertThat(notifier.updates).last().extracting(c -> c.gate().decidedBy()).isEqualTo(ALICE);
  }

  @Test
  void nonApproverAndStaleNonceAreIgnoredByTheWorkflow() {
    RemediationWorkflow wf = start("N1");
    String nonce = awaitOpenGate(wf);
    wf.decide(new Decision(Verdict.APPROVE, MALLORY, nonce));
    wf.decide(new Decision(Verdict.APPROVE, ALICE, "not-the-nonce"));
    env.sleep(Duration.ofSeconds(1));

    assertThat(wf.gate().state()).isEqualTo(GateState.OPEN);
    assertThat(remediator.actions.get()).isZero();
    assertThat(notifier.told).containsExactly(MALLORY + ":NOT_AN_APPROVER", ALICE + ":STALE_CARD");
    wf.decide(new Decision(Verdict.APPROVE, ALICE, nonce));
    assertThat(result("N1").outcome()).isEqualTo(Outcome.RECOVERED);
  }

  @Test
  void noDecisionBeforeTimeoutExpiresAndRunsNothing() {
    RemediationWorkflow wf = start("T1");
    awaitOpenGate(wf);
    env.sleep(Duration.ofHours(2));

    IncidentResult result = result("T1");
    assertThat(result.outcome()).isEqualTo(Outcome.EXPIRED);
    assertThat(remediator.actions.get()).isZero();
    assertThat(notifier.steps)
        .containsExactly(CLASSIFIED, AWAITING_APPROVAL, REMINDER, ESCALATION, EXPIRED);
    assertThat(notifier.updates)
        .last()
        .extracting(c -> c.gate().state())
        .isEqualTo(GateState.EXPIRED);
    assertThat(notifier.updates).last().extracting(c -> c.gate().nonce()).isNull();
  }
}
