package dev.greenlight.workflows;

import static dev.greenlight.api.ThreadUpdate.Step.REMINDER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.api.GateRule;
import dev.greenlight.api.Risk;
import dev.greenlight.api.ThreadUpdate;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * On a tier where the requester may not approve, a reminder never pings the requester, even when
 * they are among the configured approvers.
 */
class ReminderSkipsTheRequesterTest extends WorkflowFixture {

  @Test
  void theReminderMentionsOnlyThoseWhoMayApprove() {
    approvers = List.of(ALICE, BOB, REQUESTER);
    high =
        new GateRule(2, false, 3600, List.of(new GateRule.Escalation(600, true, false, List.of())));
    classifier.answer = Fakes.classification(Risk.HIGH, 0.9);
    RemediationWorkflow wf = start("RS1");
    awaitOpenGate(wf);

    env.sleep(Duration.ofMinutes(11));

    ThreadUpdate reminder =
        notifier.threadUpdates.stream().filter(u -> u.step() == REMINDER).findFirst().orElseThrow();
    assertThat(reminder.people()).containsExactly(ALICE, BOB);
  }
}
