package dev.greenlight.workflows;

import static dev.greenlight.api.ThreadUpdate.Step.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.api.Classification;
import dev.greenlight.api.Decision;
import dev.greenlight.api.Decision.Verdict;
import dev.greenlight.api.GateState;
import dev.greenlight.api.IncidentResult;
import dev.greenlight.api.Outcome;
import dev.greenlight.api.Risk;
import dev.greenlight.api.RunbookChoice;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UnknownIncidentTest extends WorkflowFixture {

  @BeforeEach
  void nothingMatches() {
    classifier.answer = new Classification(Classification.UNKNOWN, 0.2, null, null, null, "x", "m");
    choices =
        List.of(
            new RunbookChoice("restart-oom-pods", "oom-killed", Risk.MEDIUM),
            new RunbookChoice("rollback-deploy", "bad-deploy", Risk.HIGH));
  }

  @Test
  void anApproverPicksARunbookAndItsOwnGateFollows() {
    RemediationWorkflow wf = start("K1");
    String choosing = awaitOpenGate(wf);
    assertThat(wf.gate().state()).isEqualTo(GateState.CHOOSING);
    // The card is posted once, already offering the catalog and carrying the choosing gate.
    assertThat(notifier.posted).singleElement().extracting(c -> c.choices().size()).isEqualTo(2);
    assertThat(notifier.posted.get(0).gate().nonce()).isEqualTo(choosing);

    // Approving is not possible before a runbook is chosen, and the choice must be in the catalog.
    wf.decide(new Decision(Verdict.APPROVE, ALICE, choosing));
    wf.decide(new Decision(Verdict.PICK, ALICE, choosing, null, 0, "p0", "drop-database"));
    env.sleep(Duration.ofSeconds(1));
    assertThat(notifier.told).containsExactly(ALICE + ":BAD_CHOICE", ALICE + ":BAD_CHOICE");

    wf.decide(new Decision(Verdict.PICK, ALICE, choosing, null, 0, "p1", "rollback-deploy"));
    String approval = awaitNewGate(wf, choosing);
    assertThat(wf.gate().state()).isEqualTo(GateState.OPEN);
    assertThat(wf.gate().required()).isEqualTo(2);
    wf.decide(new Decision(Verdict.APPROVE, ALICE, approval));
    wf.decide(new Decision(Verdict.APPROVE, BOB, approval));

    IncidentResult result = result("K1");
    assertThat(result.outcome()).isEqualTo(Outcome.RECOVERED);
    assertThat(remediator.keys).containsExactly("incident-K1:rollback-deploy");
    assertThat(notifier.steps)
        .containsSubsequence(
            CLASSIFIED,
            CHOOSE_RUNBOOK,
            RUNBOOK_PICKED,
            AWAITING_APPROVAL,
            APPROVAL_RECORDED,
            APPROVED,
            REMEDIATION_STARTED,
            RECOVERED);
  }

  @Test
  void aPickedRunbookThatLeftTheCatalogEndsTheIncidentWithNothingRun() {
    // restart-oom-pods was in the catalog when the incident started; the worker's catalog no
    // longer has it.
    RemediationWorkflow wf = start("K3");
    String choosing = awaitOpenGate(wf);
    wf.decide(new Decision(Verdict.PICK, ALICE, choosing, null, 0, "p1", "restart-oom-pods"));
    IncidentResult result = result("K3");
    assertThat(result.outcome()).isEqualTo(Outcome.REMEDIATION_FAILED);
    assertThat(result.detail()).contains("restart-oom-pods");
    assertThat(remediator.actions.get()).isZero();
    assertThat(notifier.steps).endsWith(RUNBOOK_PICKED, REMEDIATION_FAILED);
  }

  @Test
  void anApproverClosesTheIncidentWithoutRunningAnything() {
    RemediationWorkflow wf = start("K2");
    wf.decide(
        new Decision(Verdict.REJECT, BOB, awaitOpenGate(wf), "not ours: the CDN is down", 0, "c"));
    IncidentResult result = result("K2");
    assertThat(result.outcome()).isEqualTo(Outcome.NO_RUNBOOK);
    assertThat(notifier.steps).endsWith(CHOOSE_RUNBOOK, CLOSED);
    assertThat(remediator.actions.get()).isZero();
  }
}
