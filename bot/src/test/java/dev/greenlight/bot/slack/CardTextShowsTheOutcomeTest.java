package dev.greenlight.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.api.Classification;
import dev.greenlight.api.GateState;
import dev.greenlight.api.GateView;
import dev.greenlight.api.IncidentCard;
import dev.greenlight.api.Outcome;
import dev.greenlight.api.Risk;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The card's notification text (what Slack shows in notifications and clients without blocks) says
 * how the incident ended, not only that it was approved.
 */
class CardTextShowsTheOutcomeTest {
  private static final IncidentCard APPROVED =
      new IncidentCard(
          "GL-ABCDEFGH",
          "incident-GL-ABCDEFGH",
          "checkout-api",
          "pods OOMKilled",
          "U0DAVE",
          new Classification(
              "oom-killed", 0.9, "restart-oom-pods", Risk.MEDIUM, "POST http://t/x", "e", "m"),
          new GateView(
              GateState.APPROVED,
              null,
              1,
              true,
              "U0DAVE",
              List.of("U0ALICE"),
              false,
              List.of("U0ALICE"),
              null,
              null,
              1_700_000_000_000L,
              1_700_000_900_000L,
              0));

  @Test
  void anEscalatedIncidentSaysSoAfterTheApproval() {
    String text = CardView.fallback(APPROVED.withOutcome(Outcome.ESCALATED, "probe 503"));
    assertThat(text)
        .contains("Approved by <@U0ALICE>")
        .endsWith("· Escalated to on-call, not recovered");
  }

  @Test
  void anOpenIncidentHasNoOutcomeYet() {
    assertThat(CardView.fallback(APPROVED)).doesNotContain("·  ").doesNotContain("Recovered");
  }

  @Test
  void everyOutcomeHasWords() {
    for (Outcome o : Outcome.values()) {
      assertThat(CardView.outcomeWords(APPROVED.withOutcome(o, null))).isNotBlank();
    }
  }
}
