package dev.greenlight.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.api.Decision;
import dev.greenlight.api.Decision.Verdict;
import dev.greenlight.api.GateState;
import dev.greenlight.api.IncidentResult;
import dev.greenlight.api.Outcome;
import dev.greenlight.api.ThreadUpdate;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RejectReasonTest extends WorkflowFixture {

  @Test
  void rejectWithoutAReasonIsRefusedAndTheGateStaysOpen() {
    RemediationWorkflow wf = start("RR1");
    String nonce = awaitOpenGate(wf);
    wf.decide(new Decision(Verdict.REJECT, ALICE, nonce, "  ", 0, "r1"));
    env.sleep(Duration.ofSeconds(1));
    assertThat(wf.gate().state()).isEqualTo(GateState.OPEN);
    assertThat(notifier.told).containsExactly(ALICE + ":REASON_REQUIRED");
  }

  @Test
  void rejectWithAReasonClosesAndTheThreadSaysWhoAndWhy() {
    RemediationWorkflow wf = start("RR2");
    wf.decide(new Decision(Verdict.REJECT, BOB, awaitOpenGate(wf), "freeze until 18:00", 0, "r2"));
    IncidentResult result = result("RR2");

    assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(result.gate().rejectReason()).isEqualTo("freeze until 18:00");
    ThreadUpdate last = notifier.threadUpdates.get(notifier.threadUpdates.size() - 1);
    assertThat(last.step()).isEqualTo(ThreadUpdate.Step.REJECTED);
    assertThat(last.actor()).isEqualTo(BOB);
    assertThat(last.detail()).isEqualTo("freeze until 18:00");
    assertThat(remediator.actions.get()).isZero();
  }
}
