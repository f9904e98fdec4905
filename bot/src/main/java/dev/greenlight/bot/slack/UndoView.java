package dev.greenlight.bot.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.ConfirmationDialogObject;
import dev.greenlight.api.Redaction;
import dev.greenlight.api.UndoOffer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The Undo reply in an incident's thread: what Undo would do and until when, its approvals, and the
 * Undo button while it is offered. The button's value names the incident and the Undo's nonce only;
 * the workflow judges every click on its own state.
 */
final class UndoView {
  /** The Undo button's action ID. */
  static final String ACTION = "greenlight_undo";

  static final String BLOCK = "greenlight_undo_block";

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private UndoView() {}

  static String text(UndoOffer o) {
    String what = SlackText.escape(Redaction.urls(o.description()));
    String detail = SlackText.escape(Redaction.urls(o.detail()));
    return switch (o.state()) {
      case OFFERED ->
          ":leftwards_arrow_with_hook: *Undo available* until "
              + TIME.format(Instant.ofEpochMilli(o.untilMillis()))
              + ": "
              + what
              + ". It needs "
              + (o.required() == 1 ? "one approval" : o.required() + " approvals")
              + ", as the change did"
              + (o.approvals().isEmpty()
                  ? "."
                  : "; approved so far by " + SlackText.mentions(o.approvals()) + ".");
      case RUNNING ->
          ":hourglass: *Undoing* (" + what + "), approved by " + SlackText.mentions(o.approvals());
      case UNDONE ->
          ":leftwards_arrow_with_hook: *Undone* by "
              + SlackText.mentions(o.approvals())
              + ": "
              + detail
              + ".";
      case FAILED -> ":warning: *Undo failed*: " + detail + ".";
      case EXPIRED -> "Undo (" + what + ") is no longer offered: its window passed.";
    };
  }

  static List<LayoutBlock> blocks(UndoOffer o) {
    List<LayoutBlock> blocks = new ArrayList<>();
    String text = SlackText.fit(text(o), SlackText.SECTION_TEXT);
    blocks.add(section(s -> s.text(markdownText(text))));
    if (o.state() == UndoOffer.State.OFFERED && o.nonce() != null) {
      String value = new ButtonValue(o.workflowId(), o.nonce()).encode();
      blocks.add(
          actions(
              a ->
                  a.blockId(BLOCK)
                      .elements(
                          List.of(
                              button(
                                  b ->
                                      b.actionId(ACTION)
                                          .text(plainText("Undo"))
                                          .value(value)
                                          .confirm(confirm(o)))))));
    }
    return blocks;
  }

  private static ConfirmationDialogObject confirm(UndoOffer o) {
    return ConfirmationDialogObject.builder()
        .title(plainText("Undo the change?"))
        .text(
            markdownText(
                SlackText.fit(
                    SlackText.escape(o.description())
                        + ". Your click counts as an approval of the Undo.",
                    SlackText.CONFIRM_TEXT)))
        .confirm(plainText("Undo"))
        .deny(plainText("Cancel"))
        .build();
  }
}
