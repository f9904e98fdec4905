package dev.greenlight.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.api.AuditEntry;
import dev.greenlight.api.Decision;
import dev.greenlight.api.Decision.Verdict;
import dev.greenlight.api.Outcome;
import dev.greenlight.api.Risk;
import dev.greenlight.api.UndoOffer;
import dev.greenlight.api.UndoPlan;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * After a change with an inverse, the thread offers Undo behind the original tier's gate, for the
 * window the action's result names; the workflow judges every click on its own state.
 */
class UndoTest extends WorkflowFixture {
  private static final long WINDOW = 3600;

  @BeforeEach
  void scaleWithUndo() {
    remediator.undo = new UndoPlan(UndoPlan.Kind.SCALE, 3, "scale back to 3 replicas", WINDOW);
  }

  private UndoOffer awaitOffer() {
    for (int i = 0; i < 200 && notifier.undoOffers.isEmpty(); i++) {
      env.sleep(Duration.ofMillis(50));
    }
    assertThat(notifier.undoOffers).as("an Undo was offered").isNotEmpty();
    return notifier.undoOffers.get(0);
  }

  private static Decision undoClick(String user, String nonce, String clickId) {
    return new Decision(Verdict.APPROVE, user, nonce, null, 0, clickId)
        .onCard(Fakes.Notifier.UNDO_MESSAGE);
  }

  private UndoOffer last() {
    return notifier.undoOffers.get(notifier.undoOffers.size() - 1);
  }

  @Test
  void anApproverUndoesTheScaleOnceAndTheTimelineSaysSo() {
    RemediationWorkflow wf = start("U1");
    wf.decide(new Decision(Verdict.APPROVE, ALICE, awaitOpenGate(wf)));
    UndoOffer offer = awaitOffer();
    assertThat(offer.state()).isEqualTo(UndoOffer.State.OFFERED);
    assertThat(offer.description()).isEqualTo("scale back to 3 replicas");
    assertThat(offer.required()).isEqualTo(1);

    wf.decide(undoClick(BOB, offer.nonce(), "u1"));
    wf.decide(undoClick(BOB, offer.nonce(), "u1")); // redelivered: counts once

    assertThat(result("U1").outcome()).isEqualTo(Outcome.RECOVERED);
    assertThat(remediator.undone).containsExactly("SCALE 3");
    assertThat(last().state()).isEqualTo(UndoOffer.State.UNDONE);
    assertThat(last().nonce()).as("the button goes").isNull();
    assertThat(last().detail()).isEqualTo("replicas 6 -> 3");
    assertThat(wf.audit())
        .anySatisfy(
            e -> {
              assertThat(e.kind()).isEqualTo(AuditEntry.Kind.ACTION);
              assertThat(e.actor()).isEqualTo(BOB);
              assertThat(e.detail()).startsWith("undo: replicas 6 -> 3");
            });
  }

  @Test
  void aHighRiskUndoNeedsTwoApproversNotTheRequesterAndOnlyFromItsOwnMessage() {
    classifier.answer = Fakes.classification(Risk.HIGH, 0.95);
    approvers = java.util.List.of(ALICE, BOB, DAN, REQUESTER);
    RemediationWorkflow wf = start("U2");
    String gate = awaitOpenGate(wf);
    wf.decide(new Decision(Verdict.APPROVE, ALICE, gate));
    wf.decide(new Decision(Verdict.APPROVE, BOB, gate));
    UndoOffer offer = awaitOffer();
    assertThat(offer.required()).isEqualTo(2);

    wf.decide(undoClick(REQUESTER, offer.nonce(), "r1"));
    wf.decide(undoClick(MALLORY, offer.nonce(), "m1"));
    wf.decide(new Decision(Verdict.APPROVE, ALICE, offer.nonce(), null, 0, "copy")); // no message
    wf.decide(undoClick(ALICE, offer.nonce(), "a1"));
    env.sleep(Duration.ofSeconds(1));
    assertThat(remediator.undone).as("one approval of two").isEmpty();
    assertThat(last().approvals()).containsExactly(ALICE);

    wf.decide(undoClick(DAN, offer.nonce(), "d1"));
    result("U2");

    assertThat(remediator.undone).containsExactly("SCALE 3");
    assertThat(notifier.told)
        .contains(
            REQUESTER + ":SELF_APPROVAL", MALLORY + ":NOT_AN_APPROVER", ALICE + ":STALE_CARD");
  }

  @Test
  void unusedUndoExpiresAtTheEndOfItsWindowAndTheWorkflowEnds() {
    RemediationWorkflow wf = start("U3");
    wf.decide(new Decision(Verdict.APPROVE, ALICE, awaitOpenGate(wf)));
    long offered = awaitOffer().untilMillis();

    assertThat(result("U3").outcome()).isEqualTo(Outcome.RECOVERED);
    assertThat(env.currentTimeMillis()).isGreaterThanOrEqualTo(offered);
    assertThat(remediator.undone).isEmpty();
    assertThat(last().state()).isEqualTo(UndoOffer.State.EXPIRED);
    assertThat(last().nonce()).isNull();
    assertThat(wf.audit()).anyMatch(e -> e.detail().startsWith("undo window passed"));
  }

  @Test
  void aClickOnTheGateStillGoesToTheGateNotTheUndo() {
    RemediationWorkflow wf = start("U4");
    String gate = awaitOpenGate(wf);
    wf.decide(new Decision(Verdict.APPROVE, ALICE, gate));
    UndoOffer offer = awaitOffer();
    wf.decide(new Decision(Verdict.APPROVE, BOB, gate, null, 0, "late")); // the old gate's button
    env.sleep(Duration.ofSeconds(1));

    assertThat(remediator.undone).isEmpty();
    assertThat(last().state()).isEqualTo(UndoOffer.State.OFFERED);
    assertThat(offer.nonce()).isNotEqualTo(gate);
  }

  @Test
  void anActionWithoutAnInverseOffersNoUndo() {
    remediator.undo = null;
    RemediationWorkflow wf = start("U5");
    wf.decide(new Decision(Verdict.APPROVE, ALICE, awaitOpenGate(wf)));

    assertThat(result("U5").outcome()).isEqualTo(Outcome.RECOVERED);
    assertThat(notifier.undoOffers).isEmpty();
  }
}
