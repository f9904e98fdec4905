package dev.greenlight.bot.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.ConfirmationDialogObject;
import dev.greenlight.api.Hold;
import dev.greenlight.api.IncidentCard;
import java.util.ArrayList;
import java.util.List;

/**
 * The rails on a card: why nothing runs by policy (a tripped circuit breaker, a change freeze) and,
 * while the incident is open and its breaker holds it, the "Reset breaker" button.
 */
final class HoldsView {
  private HoldsView() {}

  /** One line per hold, in Greenlight's words. */
  static String line(Hold h) {
    String detail = SlackText.escape(h.detail());
    return switch (h.kind()) {
      case BREAKER -> ":octagonal_sign: *Circuit breaker open*: " + detail;
      case FREEZE -> ":snowflake: *Change freeze*: nothing runs by policy — " + detail;
    };
  }

  static List<LayoutBlock> blocks(IncidentCard card) {
    List<LayoutBlock> blocks = new ArrayList<>();
    if (card.holds().isEmpty()) {
      return blocks;
    }
    String text = String.join("\n", card.holds().stream().map(HoldsView::line).toList());
    blocks.add(
        context(
            x -> x.elements(List.of(markdownText(SlackText.fit(text, SlackText.CONTEXT_TEXT))))));
    boolean breaker = card.holds().stream().anyMatch(h -> h.kind() == Hold.Kind.BREAKER);
    if (breaker && card.outcome() == null) {
      String value = new ButtonValue(card.workflowId(), "reset-breaker").encode();
      blocks.add(
          actions(
              a ->
                  a.blockId(Ids.RAILS_BLOCK)
                      .elements(
                          List.of(
                              button(
                                  b ->
                                      b.actionId(Ids.RESET_BREAKER_ACTION)
                                          .text(plainText("Reset breaker"))
                                          .value(value)
                                          .confirm(confirm(card)))))));
    }
    return blocks;
  }

  private static ConfirmationDialogObject confirm(IncidentCard card) {
    String runbook = card.classification().runbookId();
    return ConfirmationDialogObject.builder()
        .title(plainText("Reset the circuit breaker?"))
        .text(
            markdownText(
                SlackText.fit(
                    "Later incidents may again run `"
                        + SlackText.escape(runbook == null ? "" : runbook)
                        + "` on *"
                        + SlackText.escape(card.service())
                        + "* by policy. This incident still needs its approval.",
                    SlackText.CONFIRM_TEXT)))
        .confirm(plainText("Reset"))
        .deny(plainText("Cancel"))
        .build();
  }
}
