package dev.greenlight.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.api.UndoOffer;
import dev.greenlight.api.UndoOffer.State;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Undo reply: its words, and a button only while the Undo is offered. */
class UndoViewTest {
  private static UndoOffer offer(State state, String nonce, List<String> approvals, String detail) {
    return new UndoOffer(
        "incident-GL-1A2B3C4D",
        "scale back to 3 replicas",
        state,
        nonce,
        1_764_590_400_000L, // 12:00 UTC
        2,
        approvals,
        detail);
  }

  @Test
  void anOfferSaysUntilWhenAndHowManyApprovalsAndCarriesTheButton() {
    UndoOffer o = offer(State.OFFERED, "n-1", List.of("U0BOB"), null);

    assertThat(UndoView.text(o))
        .contains("*Undo available* until 12:00 UTC: scale back to 3 replicas")
        .contains("It needs 2 approvals, as the change did; approved so far by <@U0BOB>.");
    String blocks = UndoView.blocks(o).toString();
    assertThat(blocks).contains(UndoView.ACTION, "incident-GL-1A2B3C4D", "n-1");
  }

  @Test
  void anEndedOfferHasNoButtonAndSaysHowItEnded() {
    UndoOffer undone =
        offer(State.UNDONE, null, List.of("U0BOB", "U0CAROL"), "replicas 6 -> 3 <@U0X>");
    assertThat(UndoView.text(undone))
        .startsWith(":leftwards_arrow_with_hook: *Undone* by <@U0BOB>, <@U0CAROL>")
        .doesNotContain("<@U0X>");
    assertThat(UndoView.blocks(undone).toString()).doesNotContain(UndoView.ACTION);

    UndoOffer expired = offer(State.EXPIRED, null, List.of(), null);
    assertThat(UndoView.text(expired)).contains("no longer offered: its window passed");
    assertThat(UndoView.blocks(expired)).hasSize(1);
  }
}
