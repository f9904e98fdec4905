package dev.greenlight.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.api.AuditEntry;
import dev.greenlight.api.CardRef;
import dev.greenlight.api.Decision;
import dev.greenlight.api.Decision.Verdict;
import dev.greenlight.api.IncidentResult;
import dev.greenlight.api.Outcome;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Only the incident's own card decides: a click carrying the right nonce but coming from another
 * message (the buttons copied into another channel, a duplicate card) is refused and recorded, and
 * the clicker is told why; the same person's click on the real card counts.
 */
class ClickFromAnotherMessageIsRefusedTest extends WorkflowFixture {

  @Test
  void aCopiedButtonIsRefusedAndTheRealCardStillDecides() {
    RemediationWorkflow wf = start("CM1");
    String nonce = awaitOpenGate(wf);
    CardRef own = new CardRef("C0INCIDENTS", "1700000000.000100");
    CardRef copy = new CardRef("C0ELSEWHERE", "1700000099.000200");

    wf.decide(new Decision(Verdict.APPROVE, ALICE, nonce, null, 0, "c1").onCard(copy));
    env.sleep(Duration.ofSeconds(2));
    assertThat(remediator.actions.get()).isZero();
    assertThat(notifier.told).containsExactly(ALICE + ":NOT_THIS_CARD");

    wf.decide(new Decision(Verdict.APPROVE, ALICE, nonce, null, 0, "c2").onCard(own));
    IncidentResult result = result("CM1");
    assertThat(result.outcome()).isEqualTo(Outcome.RECOVERED);
    assertThat(remediator.actions.get()).isEqualTo(1);
    assertThat(wf.audit())
        .filteredOn(e -> e.kind() == AuditEntry.Kind.CLICK_REFUSED)
        .singleElement()
        .satisfies(e -> assertThat(e.detail()).contains("NOT_THIS_CARD"));
  }
}
