package dev.greenlight.bot.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.TextObject;
import dev.greenlight.activities.Classification;
import dev.greenlight.activities.IncidentCard;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders the incident card as Block Kit. */
public final class CardView {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private CardView() {}

  /** The notification text (fallback for clients without blocks). */
  public static String fallback(IncidentCard card) {
    return "Incident " + card.incidentId() + " on " + card.service() + ": " + card.classification().label()
        + " — " + status(card);
  }

  public static List<LayoutBlock> blocks(IncidentCard card) {
    Classification c = card.classification();
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(header(h -> h.text(plainText("Incident " + card.incidentId() + " · " + card.service()))));
    blocks.add(section(s -> s.text(markdownText("Reported by " + SlackText.mention(card.requesterId()) + ":\n"
        + SlackText.quote(card.text(), 1500)))));
    List<TextObject> fields = new ArrayList<>();
    fields.add(markdownText("*Classification*\n" + SlackText.escape(c.label())));
    fields.add(markdownText("*Confidence*\n" + percent(c.confidence())));
    fields.add(markdownText("*Risk*\n" + (c.risk() == null ? "—" : c.risk().label())));
    fields.add(markdownText("*Runbook*\n" + (c.runbookId() == null ? "none" : SlackText.escape(c.runbookId()))));
    blocks.add(section(s -> s.fields(fields)));
    if (c.action() != null) {
      blocks.add(section(s -> s.text(markdownText("*Proposed action*\n" + SlackText.escape(c.action())))));
    }
    blocks.add(context(x -> x.elements(List.of(markdownText("Model: " + SlackText.escape(c.model())
        + " · nearest example: " + SlackText.escape(c.nearestExample()))))));
    if (card.nonce() != null) {
      String value = new ButtonValue(card.workflowId(), card.nonce()).encode();
      blocks.add(actions(a -> a.blockId(Ids.GATE_BLOCK).elements(List.of(
          button(b -> b.actionId(Ids.APPROVE_ACTION).text(plainText("Approve")).style("primary").value(value)),
          button(b -> b.actionId(Ids.REJECT_ACTION).text(plainText("Reject")).style("danger").value(value))))));
    }
    blocks.add(context(x -> x.elements(List.of(markdownText(status(card))))));
    return blocks;
  }

  static String status(IncidentCard card) {
    String at = card.decidedAtMillis() > 0 ? TIME.format(Instant.ofEpochMilli(card.decidedAtMillis())) : "";
    return switch (card.gate()) {
      case PENDING -> "Classifying…";
      case OPEN -> "Waiting for approval from " + String.join(", ", card.approvers().stream().map(SlackText::mention).toList());
      case AUTO_APPROVED -> "Approved by policy (low risk, confident match) at " + at;
      case APPROVED -> ":white_check_mark: Approved by " + SlackText.mention(card.decidedBy()) + " at " + at;
      case REJECTED -> ":no_entry: Rejected by " + SlackText.mention(card.decidedBy()) + " at " + at + " — nothing was run";
      case EXPIRED -> ":hourglass: Expired at " + at + " — nothing was run";
      case NONE -> "No runbook matches — needs a human";
    };
  }

  static String percent(double confidence) {
    return String.format(Locale.ROOT, "%.0f%%", confidence * 100);
  }
}
