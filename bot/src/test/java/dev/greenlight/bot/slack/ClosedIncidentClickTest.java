package dev.greenlight.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.bot.slack.Incidents.SignalResult;
import dev.greenlight.sandbox.Ack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A click on an incident whose workflow has ended tells the clicker it was not counted, whichever
 * control it came from: never "Temporal is not reachable", which would invite a pointless retry.
 */
class ClosedIncidentClickTest extends ClickFixture {

  @BeforeEach
  void incidentHasEnded() {
    incidents.answering(SignalResult.INCIDENT_CLOSED);
  }

  @Test
  void anApprovalForAClosedIncidentIsAnsweredAsNotCounted() throws Exception {
    ack(slack.clickButton(ALICE, card(ours()), Ids.APPROVE_ACTION));

    assertThat(incidents.signals).hasSize(1);
    assertThat(toldTo(ALICE))
        .containsExactly("This incident is already closed; your click was not counted.");
  }

  @Test
  void aPickForAClosedIncidentIsAnsweredAsNotCounted() throws Exception {
    String value = new ButtonValue(WORKFLOW, NONCE, "restart-oom-pods").encode();

    ack(slack.selectOption(ALICE, menu(value), Ids.PICK_ACTION, value));

    assertThat(incidents.signals).hasSize(1);
    assertThat(toldTo(ALICE)).containsExactly(ClickPipeline.INCIDENT_CLOSED);
  }

  @Test
  void aRejectFormForAClosedIncidentSaysSoInTheForm() throws Exception {
    Ack answer = reject(ALICE, card(ours()), "false alarm");

    assertThat(incidents.signals).hasSize(1);
    assertThat(answer.payload().path("errors").path(Ids.REASON_BLOCK).asText())
        .isEqualTo(ClickPipeline.INCIDENT_CLOSED);
  }
}
