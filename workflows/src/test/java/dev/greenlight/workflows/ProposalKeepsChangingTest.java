package dev.greenlight.workflows;

import static dev.greenlight.api.ThreadUpdate.Step.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.api.Decision;
import dev.greenlight.api.Decision.Verdict;
import dev.greenlight.api.IncidentResult;
import dev.greenlight.api.Outcome;
import org.junit.jupiter.api.Test;

class ProposalKeepsChangingTest extends WorkflowFixture {

  @Test
  void aRunbookThatChangesAfterEveryApprovalEndsTheIncidentWithNothingRun() {
    // The catalog never renders the approved proposal again: every action attempt is refused.
    remediator.currentHash = "a-hash-no-proposal-has";
    RemediationWorkflow wf = start("PC1");
    String nonce = awaitOpenGate(wf);
    for (int gate = 1; gate < Proposals.MAX_PROPOSALS; gate++) {
      wf.decide(new Decision(Verdict.APPROVE, ALICE, nonce));
      nonce = awaitNewGate(wf, nonce);
    }
    wf.decide(new Decision(Verdict.APPROVE, ALICE, nonce));

    IncidentResult result = result("PC1");
    assertThat(result.outcome()).isEqualTo(Outcome.REMEDIATION_FAILED);
    assertThat(result.detail()).contains("kept changing");
    assertThat(remediator.actions.get()).isZero();
    assertThat(remediator.hashes).hasSize(Proposals.MAX_PROPOSALS);
    assertThat(notifier.steps.stream().filter(PROPOSAL_CHANGED::equals).count())
        .isEqualTo(Proposals.MAX_PROPOSALS - 1);
    assertThat(notifier.steps).endsWith(REMEDIATION_STARTED, REMEDIATION_FAILED);
  }
}
