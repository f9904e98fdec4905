package dev.greenlight.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.bot.slack.Incidents.SignalResult;
import dev.greenlight.sandbox.Ack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * When Temporal cannot take the signal (no gate answered either), the clicker is warned that
 * nothing was decided, in the place that click is answered.
 */
class UnreachableTemporalClickTest extends ClickFixture {

  @BeforeEach
  void temporalIsDown() {
    incidents.answering(SignalResult.UNREACHABLE);
  }

  @Test
  void anApprovalIsAnsweredWithAWarningToClickAgain() throws Exception {
    ack(slack.clickButton(ALICE, card(ours()), Ids.APPROVE_ACTION));

    assertThat(incidents.signals).hasSize(1);
    assertThat(toldTo(ALICE))
        .containsExactly(
            ":warning: Greenlight cannot reach Temporal; nothing was decided. Please click again"
                + " in a moment.");
  }

  @Test
  void aPickedRunbookIsAnsweredWithAWarningToTryAgain() throws Exception {
    String value = new ButtonValue(WORKFLOW, NONCE, "restart-oom-pods").encode();

    ack(slack.selectOption(ALICE, menu(value), Ids.PICK_ACTION, value));

    assertThat(incidents.signals)
        .singleElement()
        .extracting(s -> s.decision().runbookId())
        .isEqualTo("restart-oom-pods");
    assertThat(toldTo(ALICE))
        .containsExactly(
            ":warning: Greenlight cannot reach Temporal; nothing was picked. Please try again in a"
                + " moment.");
  }

  @Test
  void aSubmittedRejectFormKeepsTheFormOpenWithTheWarning() throws Exception {
    Ack answer = reject(ALICE, card(ours()), "false alarm");

    assertThat(incidents.signals)
        .singleElement()
        .extracting(s -> s.decision().reason())
        .isEqualTo("false alarm");
    assertThat(answer.payload().path("response_action").asText()).isEqualTo("errors");
    assertThat(answer.payload().path("errors").path(Ids.REASON_BLOCK).asText())
        .isEqualTo("Temporal is not reachable; nothing was decided. Try again in a moment.");
  }

  @Test
  void aClickTemporalIsSlowToTakeIsToldItIsStillBeingDelivered() throws Exception {
    incidents.answering(SignalResult.PENDING);

    ack(slack.clickButton(ALICE, card(ours()), Ids.APPROVE_ACTION));

    assertThat(toldTo(ALICE)).containsExactly(ClickPipeline.PENDING);
    assertThat(ClickPipeline.PENDING).contains("still being delivered").doesNotContain("nothing");
  }
}
