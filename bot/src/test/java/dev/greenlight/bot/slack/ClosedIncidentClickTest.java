package dev.greenlight.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.bot.slack.Incidents.SignalResult;
import org.junit.jupiter.api.Test;

/** A click on an incident whose workflow has ended tells the clicker it was not counted. */
class ClosedIncidentClickTest extends ClickFixture {

  @Test
  void anApprovalForAClosedIncidentIsAnsweredAsNotCounted() throws Exception {
    incidents.answering(SignalResult.INCIDENT_CLOSED);

    ack(slack.clickButton(ALICE, card(ours()), Ids.APPROVE_ACTION));

    assertThat(incidents.signals).hasSize(1);
    assertThat(toldTo(ALICE))
        .containsExactly("This incident is already closed; your click was not counted.");
  }
}
