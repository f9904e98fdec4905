package dev.greenlight.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.api.CardRef;
import dev.greenlight.api.Decision;
import dev.greenlight.api.Decision.Verdict;
import dev.greenlight.api.Outcome;
import dev.greenlight.api.Risk;
import dev.greenlight.api.UndoPlan;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Version 1 of {@link Helpers#CHANGE_ID}: an incident waiting at its gate runs one workflow thread,
 * not three. The SDK wakes every waiting thread on each pass of the workflow's event loop, so the
 * helpers that answer stray clicks and breaker resets start only when one arrives, and end when
 * none is left (docs/performance.md).
 */
class HelperThreadsOnDemandTest extends WorkflowFixture {
  private static String threads(RemediationWorkflow wf) {
    return WorkflowStub.fromTyped(wf).query("__stack_trace", String.class);
  }

  @Test
  void anIncidentWaitingAtTheGateHasNoHelperThreadWaitingBesideIt() {
    classifier.answer = Fakes.classification(Risk.MEDIUM, 0.9);
    RemediationWorkflow wf = start("OD1");
    String nonce = awaitOpenGate(wf);

    String stacks = threads(wf);
    assertThat(stacks).contains("HumanGate.await");
    assertThat(stacks).doesNotContain("answerStrayClicks", "serveResets", "OnDemandThread");

    wf.decide(new Decision(Verdict.APPROVE, ALICE, nonce, null, 0, "a1"));
    assertThat(result("OD1").outcome()).isEqualTo(Outcome.RECOVERED);
  }

  @Test
  void aResetRequestStartsTheThreadThatServesItWhichThenEnds() {
    classifier.answer = Fakes.classification(Risk.MEDIUM, 0.9);
    RemediationWorkflow wf = start("OD2");
    String nonce = awaitOpenGate(wf);

    // No breaker is tripped: the request is refused, in the clicker's ear, by the thread it
    // started.
    wf.resetBreaker(MALLORY, new CardRef("C0INCIDENTS", "1700000000.000100"), "x1");
    env.sleep(Duration.ofSeconds(5));
    assertThat(notifier.told).containsExactly(MALLORY + ":NO_BREAKER");
    assertThat(threads(wf)).doesNotContain("OnDemandThread");

    wf.decide(new Decision(Verdict.APPROVE, ALICE, nonce, null, 0, "a1"));
    assertThat(result("OD2").outcome()).isEqualTo(Outcome.RECOVERED);
  }

  @Test
  void aClickWhileNoGateIsOpenStartsTheThreadThatAnswersItEachTime() {
    // The undo window keeps the incident running after its gate closed.
    remediator.undo = new UndoPlan(UndoPlan.Kind.SCALE, 3, "scale back to 3 replicas", 3600);
    classifier.answer = Fakes.classification(Risk.MEDIUM, 0.9);
    RemediationWorkflow wf = start("OD3");
    String nonce = awaitOpenGate(wf);
    wf.decide(new Decision(Verdict.APPROVE, ALICE, nonce, null, 0, "a1"));
    for (int i = 0; i < 200 && notifier.undoOffers.isEmpty(); i++) {
      env.sleep(Duration.ofMillis(50));
    }
    assertThat(notifier.undoOffers).as("the incident is in its undo window").isNotEmpty();

    wf.decide(new Decision(Verdict.APPROVE, BOB, nonce, null, 0, "b1"));
    env.sleep(Duration.ofSeconds(5));
    assertThat(notifier.told).containsExactly(BOB + ":GATE_CLOSED");
    assertThat(threads(wf)).doesNotContain("OnDemandThread");

    wf.decide(new Decision(Verdict.REJECT, DAN, nonce, null, 0, "d1"));
    env.sleep(Duration.ofSeconds(5));
    assertThat(notifier.told).containsExactly(BOB + ":GATE_CLOSED", DAN + ":GATE_CLOSED");
    assertThat(remediator.actions.get()).isEqualTo(1);
  }
}
