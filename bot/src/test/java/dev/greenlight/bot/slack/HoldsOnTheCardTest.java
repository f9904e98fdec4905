package dev.greenlight.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.GsonBuilder;
import dev.greenlight.api.Classification;
import dev.greenlight.api.GateState;
import dev.greenlight.api.GateView;
import dev.greenlight.api.Hold;
import dev.greenlight.api.IncidentCard;
import dev.greenlight.api.Outcome;
import dev.greenlight.api.Risk;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rails on the card: why it waits, and Reset breaker while a breaker holds an open one. */
class HoldsOnTheCardTest {
  private static final IncidentCard HELD =
      new IncidentCard(
              "GL-ABCDEFGH",
              "incident-GL-ABCDEFGH",
              "checkout-api",
              "stale cache",
              "U0DAVE",
              new Classification(
                  "stale-cache", 0.97, "flush-cache", Risk.LOW, "POST http://t/f", "x", "m"),
              new GateView(
                  GateState.OPEN,
                  "nonce-1",
                  1,
                  true,
                  "U0DAVE",
                  List.of("U0ALICE"),
                  false,
                  List.of(),
                  null,
                  null,
                  0,
                  0,
                  0))
          .withHolds(
              List.of(
                  new Hold(Hold.Kind.BREAKER, "auto-approval suspended: 3 <failed>", 0),
                  new Hold(Hold.Kind.FREEZE, "change freeze 'x' until 2026-12-24 18:00 UTC", 1)));

  private static String json(IncidentCard card) {
    return new GsonBuilder().disableHtmlEscaping().create().toJson(CardView.blocks(card));
  }

  @Test
  void theCardSaysWhyAndOffersTheResetWithTheIncidentOnly() {
    String json = json(HELD);
    assertThat(json)
        .contains("*Circuit breaker open*: auto-approval suspended: 3 &lt;failed&gt;")
        .contains("*Change freeze*: nothing runs by policy — change freeze 'x' until")
        .contains(Ids.RESET_BREAKER_ACTION, Ids.RAILS_BLOCK, "Reset the circuit breaker?")
        .contains("{\\\"wf\\\":\\\"incident-GL-ABCDEFGH\\\"");
  }

  @Test
  void anEndedIncidentOrAFreezeAloneHasNoResetButton() {
    assertThat(json(HELD.withOutcome(Outcome.RECOVERED, "ok")))
        .contains("Circuit breaker open")
        .doesNotContain(Ids.RESET_BREAKER_ACTION);
    assertThat(json(HELD.withHolds(List.of(HELD.holds().get(1)))))
        .contains("Change freeze")
        .doesNotContain(Ids.RESET_BREAKER_ACTION);
    assertThat(json(HELD.withHolds(List.of()))).doesNotContain("Circuit breaker", "Change freeze");
  }

  @Test
  void aGateTheRailsRefusedWhileItWaitedNamesNoPerson() {
    GateView refused =
        new GateView(
            GateState.REJECTED,
            null,
            3,
            true,
            "U0DAVE",
            List.of("U0ALICE"),
            false,
            List.of(),
            null,
            "refused: no high-risk action runs during the change freeze 'x'",
            1_700_000_000_000L,
            0,
            0);
    String status = CardView.status(HELD.withGate(refused));
    assertThat(status).startsWith(":no_entry: Refused by the rails at ").doesNotContain("<@");
  }
}
