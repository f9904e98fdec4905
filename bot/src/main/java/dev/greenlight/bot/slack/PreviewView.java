package dev.greenlight.bot.slack;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import dev.greenlight.api.ActionPreview;
import dev.greenlight.api.Classification;
import dev.greenlight.api.Redaction;
import java.util.Optional;

/**
 * The card's view of the action's dry run: what will change, or that the target refused even the
 * dry run (and the approve button says so), or that it could not be asked. Nothing is hidden from
 * the approver; nothing here decides whether the action runs.
 */
final class PreviewView {
  static final String APPROVE = "Approve";
  static final String APPROVE_REFUSED = "Approve (dry run refused)";

  private PreviewView() {}

  /** The preview's section, or empty when the action's kind has none or it was not asked. */
  static Optional<LayoutBlock> block(Classification c) {
    ActionPreview p = c.preview();
    if (p == null) {
      return Optional.empty();
    }
    String said = SlackText.escape(Redaction.urls(p.text()));
    String text =
        switch (p.kind()) {
          case CHANGE -> "*What will change* (dry run)\n" + said;
          case REFUSED ->
              ":warning: *Dry run refused*: "
                  + said
                  + "\nApproving runs the action anyway; it will likely fail the same way.";
          case UNAVAILABLE -> "_Preview unavailable_: " + said;
        };
    return Optional.of(
        section(s -> s.text(markdownText(SlackText.fit(text, SlackText.SECTION_TEXT)))));
  }

  /** The approve button's label: it says when the dry run was refused. */
  static String approveLabel(Classification c) {
    return c.preview() != null && c.preview().kind() == ActionPreview.Kind.REFUSED
        ? APPROVE_REFUSED
        : APPROVE;
  }
}
