package dev.greenlight.workflows;

import static dev.greenlight.api.ThreadUpdate.Step.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.api.Classification;
import dev.greenlight.api.Decision;
import dev.greenlight.api.Decision.Verdict;
import dev.greenlight.api.IncidentResult;
import dev.greenlight.api.Outcome;
import dev.greenlight.api.Proposal;
import dev.greenlight.api.Risk;
import org.junit.jupiter.api.Test;

class ProposalBindingTest extends WorkflowFixture {

  @Test
  void approvalIsBoundToTheProposalAndAChangeOpensANewGate() {
    RemediationWorkflow wf = start("P1");
    String first = awaitOpenGate(wf);
    // The catalog changes after the gate opened: the action now targets another URL.
    Classification changed =
        new Classification(
            "oom-killed",
            0.9,
            "restart-oom-pods",
            Risk.MEDIUM,
            "POST http://127.0.0.1/restart-v2?service=checkout-api",
            "pods OOMKilled",
            "test-model");
    classifier.answer = changed;
    remediator.currentHash = Proposal.hash(changed.runbookId(), changed.label(), changed.action());

    wf.decide(new Decision(Verdict.APPROVE, ALICE, first));
    String second = awaitNewGate(wf, first);
    assertThat(remediator.actions.get()).isZero();
    assertThat(notifier.steps).contains(PROPOSAL_CHANGED);

    wf.decide(new Decision(Verdict.APPROVE, ALICE, second));
    IncidentResult result = result("P1");
    assertThat(result.outcome()).isEqualTo(Outcome.RECOVERED);
    assertThat(remediator.actions.get()).isEqualTo(1);
    assertThat(remediator.hashes).hasSize(2).last().isEqualTo(remediator.currentHash);
  }
}
