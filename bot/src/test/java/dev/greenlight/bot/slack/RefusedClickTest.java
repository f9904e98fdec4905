package dev.greenlight.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.api.Decision;
import dev.greenlight.api.Refusal;
import org.junit.jupiter.api.Test;

/**
 * A click by someone the configuration names as no approver at all is refused by the bot itself,
 * without a Temporal read: answered with the reason, noted in the incident's timeline, never
 * signalled. (Refusals that depend on the gate are the workflow's, see the e2e tests.)
 */
class RefusedClickTest extends ClickFixture {
  private static final String NOT_AN_APPROVER =
      "You are not an approver for this incident, so your click was not counted.";

  @Test
  void aNonApproversApprovalIsAnsweredAndNotedButNotSignalled() throws Exception {
    ack(slack.clickButton(MALLORY, card(ours()), Ids.APPROVE_ACTION));

    assertThat(toldTo(MALLORY)).containsExactly(NOT_AN_APPROVER);
    assertThat(incidents.calls).containsExactly("noteRefusal");
    FakeIncidents.Note note = incidents.notes.get(0);
    assertThat(note.workflowId()).isEqualTo(WORKFLOW);
    assertThat(note.reason()).isEqualTo(Refusal.Reason.NOT_AN_APPROVER);
    assertThat(note.decision().verdict()).isEqualTo(Decision.Verdict.APPROVE);
    assertThat(note.decision().userId()).isEqualTo(MALLORY);
    assertThat(note.decision().clickId()).isNotBlank();
    assertThat(cardEdits()).isZero();
  }

  @Test
  void aNonApproversRejectIsRefusedWithoutOpeningTheForm() throws Exception {
    ack(slack.clickButton(MALLORY, card(ours()), Ids.REJECT_ACTION));

    assertThat(toldTo(MALLORY)).containsExactly(NOT_AN_APPROVER);
    assertThat(incidents.notes)
        .extracting(FakeIncidents.Note::reason)
        .containsExactly(Refusal.Reason.NOT_AN_APPROVER);
    assertThat(slack.views()).isEmpty();
    assertThat(incidents.signals).isEmpty();
  }

  @Test
  void aNonApproversPickIsRefusedAndNotSignalled() throws Exception {
    String value = new ButtonValue(WORKFLOW, NONCE, "restart-oom-pods").encode();

    ack(slack.selectOption(MALLORY, menu(value), Ids.PICK_ACTION, value));

    assertThat(toldTo(MALLORY)).containsExactly(NOT_AN_APPROVER);
    assertThat(incidents.calls).containsExactly("noteRefusal");
  }

  @Test
  void anApproverOfAnyListIsLeftToTheWorkflowWhateverTheCardSays() throws Exception {
    // The card's nonce is not checked here: only the workflow knows the open gate.
    String stale = new ButtonValue(WORKFLOW, "a-nonce-the-gate-never-had").encode();

    ack(slack.clickButton(ALICE, card(stale), Ids.APPROVE_ACTION));

    assertThat(incidents.calls).containsExactly("signal");
    assertThat(toldTo(ALICE)).isEmpty();
  }
}
