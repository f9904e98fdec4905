package dev.greenlight.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.GsonBuilder;
import dev.greenlight.api.ArgoGateCards;
import dev.greenlight.api.Classification;
import dev.greenlight.api.GateState;
import dev.greenlight.api.GateView;
import dev.greenlight.api.IncidentCard;
import dev.greenlight.api.Outcome;
import dev.greenlight.api.Risk;
import dev.greenlight.api.ThreadUpdate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The card of an Argo suspend gate: its facts escaped, its buttons while open, its outcome. */
class ArgoGateCardTest {
  private static final Classification GATE =
      new Classification(
          "approve-rollout",
          1.0,
          "ship-it/approve-rollout",
          Risk.HIGH,
          "https://argo.example.test/workflows/deploys/ship-1",
          null,
          ArgoGateCards.MODEL);

  private static IncidentCard card(GateState state, String nonce) {
    return new IncidentCard(
        "ARGO-1A2B3C",
        "argo-gate-uid-1-ship-1-7",
        "deploys/ship-1",
        "Template: ship-it\nParameters: version=1.4.2\nInputs: target=<!channel> *prod*",
        "U0ALICE",
        GATE,
        new GateView(
            state,
            nonce,
            2,
            false,
            "U0ALICE",
            List.of("U0ALICE", "U0BOB", "U0DAVE"),
            false,
            List.of(),
            null,
            null,
            state == GateState.OPEN ? 0 : 1_700_000_000_000L,
            1_700_003_600_000L,
            0));
  }

  private static String json(IncidentCard card) {
    return new GsonBuilder().disableHtmlEscaping().create().toJson(CardView.blocks(card));
  }

  @Test
  void anOpenGateShowsTheFactsEscapedTheLinkAndTheButtons() {
    String json = json(card(GateState.OPEN, "n1"));
    assertThat(json)
        .contains("Argo suspend gate · deploys/ship-1", "approve-rollout", "<@U0ALICE>")
        .contains("&lt;!channel&gt;")
        .doesNotContain("<!channel>")
        .contains("<https://argo.example.test/workflows/deploys/ship-1|Open in the Argo UI>")
        .contains(Ids.APPROVE_ACTION, Ids.REJECT_ACTION, "Resume a high-risk gate?")
        .contains("the requester cannot approve");
    assertThat(json).contains("\"value\":\"{\\\"wf\\\":\\\"argo-gate-uid-1-ship-1-7\\\"");
    assertThat(ButtonValue.decode(new ButtonValue("argo-gate-uid-1-ship-1-7", "n1").encode()))
        .isPresent();
    assertThat(ButtonValue.decode(new ButtonValue("breaker-x", "n1").encode())).isEmpty();
    assertThat(CardView.fallback(card(GateState.OPEN, "n1")))
        .startsWith("Argo suspend gate approve-rollout of deploys/ship-1");
  }

  @Test
  void decidedInArgoTheButtonsGoAndTheCardSaysSo() {
    IncidentCard done =
        card(GateState.RESOLVED, null)
            .withOutcome(Outcome.RESOLVED, "resumed in Argo outside Greenlight");
    String json = json(done);
    assertThat(json)
        .doesNotContain(Ids.APPROVE_ACTION)
        .contains("Decided in Argo", "resumed in Argo outside Greenlight");
    assertThat(CardView.fallback(done)).endsWith("Decided in Argo, outside Greenlight");
  }

  @Test
  void anExpiredGateSaysTheNodeWasStoppedNeverResumed() {
    String json = json(card(GateState.EXPIRED, null).withOutcome(Outcome.EXPIRED, "x"));
    assertThat(json).contains("the node was stopped in Argo, never resumed");
  }

  @Test
  void theThreadSpeaksOfTheNode() {
    IncidentCard c = card(GateState.OPEN, "n1");
    assertThat(ThreadText.render(c, new ThreadUpdate(ThreadUpdate.Step.CLASSIFIED, null, "x")))
        .isEqualTo(
            "Argo workflow *deploys/ship-1* waits at suspend node *approve-rollout* (high risk).");
    assertThat(
            ThreadText.render(
                c, new ThreadUpdate(ThreadUpdate.Step.ARGO, "U0CAROL", "Argo workflow Failed <b>")))
        .isEqualTo("<@U0CAROL>: Argo workflow Failed &lt;b&gt;.");
    // Steps the gate shares with incidents keep the incident's words.
    assertThat(
            ThreadText.render(
                c, new ThreadUpdate(ThreadUpdate.Step.APPROVAL_RECORDED, "U0BOB", "1 of 2")))
        .contains("Approved by <@U0BOB> (1 of 2)");
  }
}
