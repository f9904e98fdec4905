package dev.greenlight.workflows;

import static dev.greenlight.api.ThreadUpdate.Step.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.api.Decision;
import dev.greenlight.api.Decision.Verdict;
import dev.greenlight.api.IncidentResult;
import dev.greenlight.api.Outcome;
import dev.greenlight.api.ThreadUpdate;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EscalationLadderTest extends WorkflowFixture {

  @Test
  void remindsApproversThenCallsOnCallThenExpiresWithoutRunning() {
    RemediationWorkflow wf = start("E1");
    awaitOpenGate(wf);

    env.sleep(Duration.ofMinutes(16));
    assertThat(notifier.steps).containsExactly(CLASSIFIED, AWAITING_APPROVAL, REMINDER);
    assertThat(last().people()).containsExactly(ALICE, BOB, DAN);

    env.sleep(Duration.ofMinutes(30));
    assertThat(notifier.steps).endsWith(REMINDER, ESCALATION);
    assertThat(last().people()).containsExactly(ONCALL, "S0LEADS");

    IncidentResult result = result("E1");
    assertThat(result.outcome()).isEqualTo(Outcome.EXPIRED);
    assertThat(notifier.steps).endsWith(ESCALATION, EXPIRED);
    assertThat(remediator.actions.get()).isZero();
  }

  @Test
  void snoozeHoldsOffTheNextRungButNotTheDeadline() {
    RemediationWorkflow wf = start("E2");
    String nonce = awaitOpenGate(wf);
    env.sleep(Duration.ofMinutes(10));
    wf.decide(new Decision(Verdict.SNOOZE, BOB, nonce, null, 30, "s1"));

    env.sleep(Duration.ofMinutes(20));
    assertThat(notifier.steps).containsExactly(CLASSIFIED, AWAITING_APPROVAL, SNOOZED);
    assertThat(wf.gate().snoozedUntilMillis()).isPositive();

    env.sleep(Duration.ofMinutes(11));
    assertThat(notifier.steps).endsWith(SNOOZED, REMINDER);
    assertThat(result("E2").outcome()).isEqualTo(Outcome.EXPIRED);
  }

  @Test
  void onlyThirtyMinuteOrTwoHourSnoozesAreAccepted() {
    RemediationWorkflow wf = start("E3");
    wf.decide(new Decision(Verdict.SNOOZE, BOB, awaitOpenGate(wf), null, 999, "s2"));
    env.sleep(Duration.ofSeconds(1));
    assertThat(notifier.told).containsExactly(BOB + ":BAD_SNOOZE");
  }

  private ThreadUpdate last() {
    return notifier.threadUpdates.get(notifier.threadUpdates.size() - 1);
  }
}
