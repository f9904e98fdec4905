package dev.greenlight.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.api.Decision;
import dev.greenlight.api.Decision.Verdict;
import dev.greenlight.api.GateState;
import dev.greenlight.api.IncidentResult;
import dev.greenlight.api.Outcome;
import dev.greenlight.api.Risk;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class QuorumTest extends WorkflowFixture {

  @Test
  void highRiskNeedsTwoDistinctApproversAndOneClickingTwiceCountsOnce() {
    classifier.answer = Fakes.classification(Risk.HIGH, 0.99);
    RemediationWorkflow wf = start("Q1");
    String nonce = awaitOpenGate(wf);

    wf.decide(new Decision(Verdict.APPROVE, ALICE, nonce, null, 0, "t1"));
    wf.decide(new Decision(Verdict.APPROVE, ALICE, nonce, null, 0, "t2"));
    env.sleep(Duration.ofSeconds(1));
    assertThat(wf.gate().state()).isEqualTo(GateState.OPEN);
    assertThat(wf.gate().approvals()).containsExactly(ALICE);
    assertThat(notifier.told).containsExactly(ALICE + ":ALREADY_APPROVED_BY_YOU");
    assertThat(remediator.actions.get()).isZero();

    wf.decide(new Decision(Verdict.APPROVE, BOB, nonce, null, 0, "t3"));
    IncidentResult result = result("Q1");
    assertThat(result.outcome()).isEqualTo(Outcome.RECOVERED);
    assertThat(result.gate().approvals()).containsExactly(ALICE, BOB);
    assertThat(remediator.actions.get()).isEqualTo(1);
  }

  @Test
  void requesterCannotApproveTheirOwnHighRiskIncident() {
    requester = ALICE;
    classifier.answer = Fakes.classification(Risk.HIGH, 0.99);
    RemediationWorkflow wf = start("Q2");
    String nonce = awaitOpenGate(wf);

    wf.decide(new Decision(Verdict.APPROVE, ALICE, nonce));
    env.sleep(Duration.ofSeconds(1));
    assertThat(wf.gate().approvals()).isEmpty();
    assertThat(notifier.told).containsExactly(ALICE + ":SELF_APPROVAL");
  }

  @Test
  void redeliveredClickWithTheSameIdCountsOnceSilently() {
    classifier.answer = Fakes.classification(Risk.HIGH, 0.99);
    RemediationWorkflow wf = start("Q3");
    String nonce = awaitOpenGate(wf);
    wf.decide(new Decision(Verdict.APPROVE, BOB, nonce, null, 0, "same"));
    wf.decide(new Decision(Verdict.APPROVE, BOB, nonce, null, 0, "same"));
    env.sleep(Duration.ofSeconds(1));
    assertThat(wf.gate().approvals()).containsExactly(BOB);
    assertThat(notifier.told).isEmpty();
  }

  @Test
  void clickStormOfTwentyClicksFromFiveUsersDecidesExactlyOnce() {
    classifier.answer = Fakes.classification(Risk.HIGH, 0.99);
    RemediationWorkflow wf = start("Q4");
    String nonce = awaitOpenGate(wf);
    String[] users = {MALLORY, ALICE, DAN, BOB, REQUESTER};
    for (int i = 0; i < 20; i++) {
      wf.decide(
          new Decision(Verdict.APPROVE, users[i % users.length], nonce, null, 0, "storm-" + i));
    }
    IncidentResult result = result("Q4");

    assertThat(result.outcome()).isEqualTo(Outcome.RECOVERED);
    assertThat(result.gate().approvals()).containsExactly(ALICE, DAN);
    assertThat(remediator.actions.get()).isEqualTo(1);
    // Everybody else hears why their click did not count.
    assertThat(notifier.told).hasSize(18);
    assertThat(notifier.told)
        .filteredOn(t -> t.startsWith(BOB))
        .allMatch(t -> t.endsWith("GATE_CLOSED"));
    assertThat(notifier.told)
        .filteredOn(t -> t.startsWith(MALLORY))
        .first()
        .asString()
        .endsWith("NOT_AN_APPROVER");
  }
}
