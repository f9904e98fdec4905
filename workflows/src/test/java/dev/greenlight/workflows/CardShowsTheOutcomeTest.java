package dev.greenlight.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.api.Decision;
import dev.greenlight.api.Decision.Verdict;
import dev.greenlight.api.IncidentCard;
import dev.greenlight.api.Outcome;
import org.junit.jupiter.api.Test;

/** The card's last state shows how the incident ended, not only the gate's decision. */
class CardShowsTheOutcomeTest extends WorkflowFixture {

  @Test
  void anApprovedIncidentWhoseCheckFailsShowsEscalatedOnTheCard() {
    remediator.recovers = false;
    RemediationWorkflow wf = start("O1");
    wf.decide(new Decision(Verdict.APPROVE, ALICE, awaitOpenGate(wf)));
    result("O1");

    IncidentCard last = notifier.updates.get(notifier.updates.size() - 1);
    assertThat(last.outcome()).isEqualTo(Outcome.ESCALATED);
    assertThat(last.outcomeDetail()).contains("still 503");
  }

  @Test
  void aRecoveredIncidentShowsRecovered() {
    RemediationWorkflow wf = start("O2");
    wf.decide(new Decision(Verdict.APPROVE, ALICE, awaitOpenGate(wf)));
    result("O2");

    assertThat(notifier.updates.get(notifier.updates.size() - 1).outcome())
        .isEqualTo(Outcome.RECOVERED);
  }

  @Test
  void aRejectedIncidentShowsRejected() {
    RemediationWorkflow wf = start("O3");
    wf.decide(new Decision(Verdict.REJECT, BOB, awaitOpenGate(wf), "not now", 0, "r1"));
    result("O3");

    assertThat(notifier.updates.get(notifier.updates.size() - 1).outcome())
        .isEqualTo(Outcome.REJECTED);
  }
}
