package dev.greenlight.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.bot.slack.Incidents.SignalResult;
import dev.greenlight.sandbox.Message;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A click on the card of an incident Temporal has no record of (lost with an in-memory server) is
 * told that, not "already closed", and the card loses its buttons; a closed incident's card keeps
 * what the workflow drew.
 */
class LostIncidentClickTest extends ClickFixture {

  /** The incident's card as the notifier posts it: gate buttons and the incident's metadata. */
  private Message cardWithMetadata(String incidentId) throws Exception {
    var posted =
        GreenlightApp.slack(slack.apiUrl())
            .methods(slack.botToken())
            .chatPostMessage(
                r ->
                    r.channel(CHANNEL)
                        .text("card")
                        .metadata(PostMetadata.card(incidentId).toSlack())
                        .blocks(
                            java.util.List.of(
                                com.slack.api.model.block.Blocks.actions(
                                    a ->
                                        a.blockId(Ids.GATE_BLOCK)
                                            .elements(
                                                java.util.List.of(
                                                    com.slack.api.model.block.element.BlockElements
                                                        .button(
                                                            b ->
                                                                b.actionId(Ids.APPROVE_ACTION)
                                                                    .text(
                                                                        com.slack.api.model.block
                                                                            .composition
                                                                            .BlockCompositions
                                                                            .plainText("Approve"))
                                                                    .value(ours()))))))));
    return slack.message(CHANNEL, posted.getTs()).orElseThrow();
  }

  @Test
  void aLostIncidentsCardSaysSoAndLosesItsButtons() throws Exception {
    incidents.answering(SignalResult.INCIDENT_CLOSED).unknown();
    Message card = cardWithMetadata("GL-TESTTEST");

    ack(slack.clickButton(ALICE, card, Ids.APPROVE_ACTION));

    String told =
        await().atMost(Duration.ofSeconds(10)).until(() -> toldTo(ALICE), t -> !t.isEmpty()).get(0);
    assertThat(told)
        .contains("GL-TESTTEST was lost", "in memory", "TEMPORAL_ADDRESS")
        .doesNotContain("already closed");
    Message retired =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () -> slack.message(CHANNEL, card.ts()).orElseThrow(),
                m -> !m.blocks().toString().contains(Ids.APPROVE_ACTION));
    assertThat(retired.text()).isEqualTo(LostIncident.CARD_TEXT);
    assertThat(incidents.calls).containsSubsequence("signal", "unknown");
  }

  @Test
  void aButtonNamingAnUnknownIncidentOnAnotherIncidentsCardLeavesThatCardAlone() throws Exception {
    incidents.answering(SignalResult.INCIDENT_CLOSED).unknown();
    Message card = cardWithMetadata("GL-SOMEONEELSE");

    ack(slack.clickButton(ALICE, card, Ids.APPROVE_ACTION));

    String told =
        await().atMost(Duration.ofSeconds(10)).until(() -> toldTo(ALICE), t -> !t.isEmpty()).get(0);
    assertThat(told).contains("No incident GL-TESTTEST is known").doesNotContain("was lost:");
    assertThat(slack.message(CHANNEL, card.ts()).orElseThrow().blocks().toString())
        .contains(Ids.APPROVE_ACTION);
  }

  @Test
  void aClosedIncidentsCardIsLeftAsTheWorkflowDrewIt() throws Exception {
    incidents.answering(SignalResult.INCIDENT_CLOSED);
    Message card = card(ours());

    ack(slack.clickButton(ALICE, card, Ids.APPROVE_ACTION));

    await().atMost(Duration.ofSeconds(10)).until(() -> toldTo(ALICE), t -> !t.isEmpty());
    assertThat(toldTo(ALICE).get(0)).contains("already closed");
    assertThat(slack.message(CHANNEL, card.ts()).orElseThrow().blocks().toString())
        .contains(Ids.APPROVE_ACTION);
  }

  @Test
  void anIdFromAButtonValueIsNamedOnlyWhenItIsShapedLikeOurs() {
    assertThat(LostIncident.text("<!channel>", true, false))
        .startsWith(":warning: This incident is not known")
        .doesNotContain("<!channel>");
    assertThat(LostIncident.text("GL-ABCDEFGH", true, true))
        .contains("Incident GL-ABCDEFGH was lost");
    assertThat(LostIncident.text("<@U0BOB>", false, true)).doesNotContain("<@");
  }
}
