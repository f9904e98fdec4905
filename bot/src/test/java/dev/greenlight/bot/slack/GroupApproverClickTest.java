package dev.greenlight.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * When approvers come from user groups, a clicker missing from the queried list is let through:
 * membership may have changed, and the workflow looks it up again.
 */
class GroupApproverClickTest extends ClickFixture {

  @Test
  void aClickerMissingFromGroupResolvedApproversIsSignalledForTheWorkflowToJudge()
      throws Exception {
    incidents.showing(Optional.of(FakeIncidents.openGate(NONCE, 2, List.of(ALICE), true)));

    ack(slack.clickButton(MALLORY, card(ours()), Ids.APPROVE_ACTION));

    assertThat(incidents.signals).hasSize(1);
    assertThat(incidents.signals.get(0).decision().userId()).isEqualTo(MALLORY);
    assertThat(incidents.notes).isEmpty();
    assertThat(toldTo(MALLORY)).isEmpty();
  }

  @Test
  void theSameClickerIsRefusedWhenApproversAreListedByName() throws Exception {
    incidents.showing(Optional.of(FakeIncidents.openGate(NONCE, 2, List.of(ALICE), false)));

    ack(slack.clickButton(MALLORY, card(ours()), Ids.APPROVE_ACTION));

    assertThat(incidents.signals).isEmpty();
    assertThat(toldTo(MALLORY)).singleElement().asString().contains("not an approver");
  }
}
