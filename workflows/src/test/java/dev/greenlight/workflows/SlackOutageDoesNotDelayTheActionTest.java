package dev.greenlight.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.api.Decision;
import dev.greenlight.api.Decision.Verdict;
import dev.greenlight.api.IncidentResult;
import dev.greenlight.api.Outcome;
import org.junit.jupiter.api.Test;

/**
 * A Slack outage after the click (every call answers a retryable error) must not hold the approved
 * action back while the card refresh retries: the action runs at once, in workflow time, and the
 * notifications catch up on their own schedule.
 */
class SlackOutageDoesNotDelayTheActionTest extends WorkflowFixture {

  @Test
  void theActionRunsWithinSecondsOfTheApprovalWhileSlackIsDown() {
    RemediationWorkflow wf = start("SO1");
    String nonce = awaitOpenGate(wf);
    notifier.retryable = true;
    notifier.slackError = "service_unavailable";

    long approvedAt = env.currentTimeMillis();
    wf.decide(new Decision(Verdict.APPROVE, ALICE, nonce));
    IncidentResult result = result("SO1");

    assertThat(result.outcome()).isEqualTo(Outcome.RECOVERED);
    assertThat(remediator.actions.get()).isEqualTo(1);
    // In line, the card refresh alone would have retried for minutes before the action ran.
    assertThat(remediator.ranAtMillis - approvedAt).isLessThan(5_000);
    assertThat(notifier.failedCalls.get()).isGreaterThan(1);
  }
}
