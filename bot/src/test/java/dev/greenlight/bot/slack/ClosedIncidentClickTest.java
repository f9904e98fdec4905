package dev.greenlight.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.bot.slack.Incidents.SignalResult;
import dev.greenlight.sandbox.Ack;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A click on an incident whose workflow has ended tells the clicker it was not counted, whichever
 * control it came from: never "Temporal is not reachable", which would invite a pointless retry. A
 * button or menu click is acked first and told afterwards, naming who decided when the ended
 * incident's result says so; a form can only answer in its ack.
 */
class ClosedIncidentClickTest extends ClickFixture {

  @BeforeEach
  void incidentHasEnded() {
    incidents.answering(SignalResult.INCIDENT_CLOSED);
  }

  @Test
  void anApprovalForAClosedIncidentIsAnsweredAsNotCounted() throws Exception {
    ack(slack.clickButton(ALICE, card(ours()), Ids.APPROVE_ACTION));

    assertThat(awaitToldTo(ALICE))
        .containsExactly("This incident is already closed; your click was not counted.");
    // After the ack: is it known at all (not lost with an in-memory server)? then who decided.
    assertThat(incidents.calls).containsExactly("signal", "unknown", "decidedBy");
  }

  @Test
  void anApprovalForAnIncidentSomeoneRejectedNamesThem() throws Exception {
    incidents.decidedBy(List.of("U0BOB"));

    ack(slack.clickButton(ALICE, card(ours()), Ids.APPROVE_ACTION));

    assertThat(awaitToldTo(ALICE))
        .containsExactly(
            "This gate is already closed (decided by <@U0BOB>); your click was not counted.");
  }

  @Test
  void aPickForAClosedIncidentIsAnsweredAsNotCounted() throws Exception {
    String value = new ButtonValue(WORKFLOW, NONCE, "restart-oom-pods").encode();

    ack(slack.selectOption(ALICE, menu(value), Ids.PICK_ACTION, value));

    assertThat(incidents.signals).hasSize(1);
    assertThat(awaitToldTo(ALICE)).containsExactly(ClickPipeline.INCIDENT_CLOSED);
  }

  @Test
  void aRejectFormForAClosedIncidentSaysSoInTheForm() throws Exception {
    incidents.decidedBy(List.of("U0BOB"));

    Ack answer = reject(ALICE, card(ours()), "false alarm");

    assertThat(incidents.calls).containsExactly("signal");
    assertThat(answer.payload().path("errors").path(Ids.REASON_BLOCK).asText())
        .isEqualTo(ClickPipeline.INCIDENT_CLOSED);
  }

  private List<String> awaitToldTo(String user) {
    return await().atMost(Duration.ofSeconds(10)).until(() -> toldTo(user), t -> !t.isEmpty());
  }
}
