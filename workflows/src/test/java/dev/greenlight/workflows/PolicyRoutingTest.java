package dev.greenlight.workflows;

import static dev.greenlight.api.ThreadUpdate.Step.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.api.Classification;
import dev.greenlight.api.GateState;
import dev.greenlight.api.IncidentResult;
import dev.greenlight.api.Outcome;
import dev.greenlight.api.Risk;
import org.junit.jupiter.api.Test;

class PolicyRoutingTest extends WorkflowFixture {

  @Test
  void lowRiskAboveFloorRunsWithoutAPerson() {
    classifier.answer = Fakes.classification(Risk.LOW, 0.95);
    start("L1");
    IncidentResult result = result("L1");

    assertThat(result.outcome()).isEqualTo(Outcome.RECOVERED);
    assertThat(result.gate().state()).isEqualTo(GateState.AUTO_APPROVED);
    assertThat(remediator.actions.get()).isEqualTo(1);
    assertThat(notifier.posted.get(0).gate().nonce()).isNull();
    assertThat(notifier.steps)
        .containsExactly(
            CLASSIFIED, AUTO_APPROVED, REMEDIATION_STARTED, REMEDIATION_FINISHED, RECOVERED);
  }

  @Test
  void lowRiskBelowFloorWaitsAtTheGate() {
    classifier.answer = Fakes.classification(Risk.LOW, 0.5);
    RemediationWorkflow wf = start("L2");
    awaitOpenGate(wf);
    assertThat(remediator.actions.get()).isZero();
  }

  @Test
  void highRiskAtFullConfidenceStillWaitsAtTheGate() {
    classifier.answer = Fakes.classification(Risk.HIGH, 1.0);
    RemediationWorkflow wf = start("H1");
    awaitOpenGate(wf);
    assertThat(remediator.actions.get()).isZero();
  }

  @Test
  void unknownIncidentProposesNothingAndCallsOnCall() {
    classifier.answer = new Classification(Classification.UNKNOWN, 0.2, null, null, null, "x", "m");
    start("U1");
    IncidentResult result = result("U1");

    assertThat(result.outcome()).isEqualTo(Outcome.NO_RUNBOOK);
    assertThat(remediator.actions.get()).isZero();
    assertThat(notifier.steps).containsExactly(CLASSIFIED, NO_RUNBOOK);
  }

  @Test
  void failedVerificationEscalatesWithoutRerunningTheAction() {
    classifier.answer = Fakes.classification(Risk.LOW, 0.95);
    remediator.recovers = false;
    start("V1");
    IncidentResult result = result("V1");

    assertThat(result.outcome()).isEqualTo(Outcome.ESCALATED);
    assertThat(remediator.actions.get()).isEqualTo(1);
    assertThat(notifier.steps).endsWith(REMEDIATION_FINISHED, ESCALATED);
  }

  @Test
  void degradedClassificationGoesToAPersonEvenWhenConfidentAndLowRisk() {
    classifier.answer = Fakes.classification(Risk.LOW, 0.99).degrade("LLM timed out", 0.99);
    RemediationWorkflow wf = start("D1");
    awaitOpenGate(wf);
    assertThat(remediator.actions.get()).isZero();
  }
}
