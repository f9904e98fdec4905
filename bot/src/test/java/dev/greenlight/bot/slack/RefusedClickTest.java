package dev.greenlight.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.api.Decision;
import dev.greenlight.api.Refusal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A click the queried gate refuses is answered with the reason, noted in the incident's timeline,
 * and never signalled.
 */
class RefusedClickTest extends ClickFixture {

  @Test
  void aNonApproversApprovalIsAnsweredAndNotedButNotSignalled() throws Exception {
    incidents.showing(Optional.of(FakeIncidents.openGate(NONCE, 1, List.of(ALICE), false)));

    ack(slack.clickButton(MALLORY, card(ours()), Ids.APPROVE_ACTION));

    assertThat(toldTo(MALLORY))
        .containsExactly(
            "You are not an approver for this incident, so your click was not counted."
                + " Approvers: <@U0ALICE>.");
    assertThat(incidents.notes).hasSize(1);
    FakeIncidents.Note note = incidents.notes.get(0);
    assertThat(note.workflowId()).isEqualTo(WORKFLOW);
    assertThat(note.reason()).isEqualTo(Refusal.Reason.NOT_AN_APPROVER);
    assertThat(note.decision().verdict()).isEqualTo(Decision.Verdict.APPROVE);
    assertThat(note.decision().userId()).isEqualTo(MALLORY);
    assertThat(incidents.signals).isEmpty();
    assertThat(processingEdits()).isZero();
  }

  @Test
  void rejectOnAStaleCardIsAnsweredAndNotedWithoutOpeningTheForm() throws Exception {
    incidents.showing(
        Optional.of(FakeIncidents.openGate("a-newer-nonce", 1, List.of(ALICE), false)));

    ack(slack.clickButton(ALICE, card(ours()), Ids.REJECT_ACTION));

    assertThat(toldTo(ALICE))
        .containsExactly("This card is out of date (its gate was replaced); use the latest card.");
    assertThat(incidents.notes)
        .extracting(FakeIncidents.Note::reason)
        .containsExactly(Refusal.Reason.STALE_CARD);
    assertThat(slack.views()).isEmpty();
    assertThat(incidents.signals).isEmpty();
  }
}
