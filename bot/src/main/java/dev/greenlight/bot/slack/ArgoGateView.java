package dev.greenlight.bot.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.ConfirmationDialogObject;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import dev.greenlight.api.Classification;
import dev.greenlight.api.GateState;
import dev.greenlight.api.IncidentCard;
import dev.greenlight.api.ThreadUpdate;
import java.util.ArrayList;
import java.util.List;

/**
 * The card of an Argo suspend gate ({@link dev.greenlight.api.ArgoGateCards}): the workflow, its
 * template and parameters, the suspend node and its inputs, the submitter, a link to the Argo UI,
 * and the incident card's buttons, which resume (approve) or stop (reject) that node in Argo.
 */
final class ArgoGateView {
  /** The workflow ID prefix of Argo gates (the bot's buttons may name such a workflow). */
  static final String WORKFLOW_PREFIX = "argo-gate-";

  private ArgoGateView() {}

  /** Whether a button or modal may name {@code workflowId}: an incident's or an Argo gate's. */
  static boolean decidable(String workflowId) {
    return workflowId.startsWith("incident-") || workflowId.startsWith(WORKFLOW_PREFIX);
  }

  static String fallback(IncidentCard card) {
    return "Argo suspend gate "
        + card.classification().label()
        + " of "
        + card.service()
        + " — "
        + status(card)
        + (card.outcome() == null ? "" : " · " + outcomeWords(card));
  }

  static List<LayoutBlock> blocks(IncidentCard card) {
    Classification c = card.classification();
    List<LayoutBlock> blocks = new ArrayList<>();
    String title = "Argo suspend gate · " + card.service();
    blocks.add(header(h -> h.text(plainText(SlackText.fit(title, SlackText.HEADER_TEXT)))));
    List<TextObject> fields = new ArrayList<>();
    fields.add(field("*Suspend node*\n" + SlackText.escape(c.label())));
    fields.add(field("*Risk*\n" + (c.risk() == null ? "—" : c.risk().label())));
    fields.add(field("*Workflow*\n" + SlackText.escape(card.service())));
    fields.add(
        field(
            "*Submitted by*\n"
                + (card.requesterId() != null
                    ? SlackText.mention(card.requesterId())
                    : "see below")));
    blocks.add(section(s -> s.fields(fields)));
    blocks.add(
        section(
            s -> s.text(markdownText(SlackText.quote(card.text(), SlackText.SECTION_TEXT - 40)))));
    if (c.action() != null && c.action().startsWith("http")) {
      blocks.add(
          context(
              x ->
                  x.elements(
                      List.of(
                          markdownText(
                              SlackText.fit(
                                  "<" + c.action().replace(">", "%3E") + "|Open in the Argo UI>",
                                  SlackText.CONTEXT_TEXT))))));
    }
    if (card.gate().nonce() != null) {
      blocks.add(actions(a -> a.blockId(Ids.GATE_BLOCK).elements(buttons(card))));
      blocks.add(
          context(
              x ->
                  x.elements(
                      List.of(
                          markdownText(
                              "*Approve* sets the node's outputs and message (who approved) and"
                                  + " resumes it in Argo · *Reject* stops the node · no decision"
                                  + " before the deadline stops it too, never resumes")))));
    }
    blocks.add(
        context(
            x ->
                x.elements(
                    List.of(markdownText(SlackText.fit(status(card), SlackText.CONTEXT_TEXT))))));
    if (card.outcome() != null) {
      blocks.add(
          section(s -> s.text(markdownText(SlackText.fit(outcome(card), SlackText.SECTION_TEXT)))));
    }
    return blocks;
  }

  private static TextObject field(String text) {
    return markdownText(SlackText.fit(text, SlackText.SECTION_FIELD));
  }

  private static List<BlockElement> buttons(IncidentCard card) {
    return GateButtonRow.of(
        card, "Approve and resume", "Reject (stop node)", ArgoGateView::confirm);
  }

  private static ConfirmationDialogObject confirm(IncidentCard card) {
    return ConfirmationDialogObject.builder()
        .title(plainText("Resume a high-risk gate?"))
        .text(
            markdownText(
                SlackText.fit(
                    "This resumes *"
                        + SlackText.escape(card.classification().label())
                        + "* of Argo workflow *"
                        + SlackText.escape(card.service())
                        + "*.",
                    SlackText.CONFIRM_TEXT)))
        .confirm(plainText("Approve"))
        .deny(plainText("Cancel"))
        .style("danger")
        .build();
  }

  static String status(IncidentCard card) {
    if (card.gate().state() == GateState.RESOLVED) {
      return ":information_source: Decided in Argo, outside Greenlight — Greenlight sent nothing";
    }
    return CardView.status(card).replace("nothing was run", "the node was stopped");
  }

  private static String outcomeWords(IncidentCard card) {
    return switch (card.outcome()) {
      case RECOVERED -> "Resumed; the Argo workflow succeeded";
      case ESCALATED -> "Resumed; the Argo workflow failed";
      case REJECTED -> "Rejected, node stopped";
      case EXPIRED -> "Expired, node stopped (never resumed)";
      case RESOLVED -> "Decided in Argo, outside Greenlight";
      default -> "Failed to reach Argo";
    };
  }

  static String outcome(IncidentCard card) {
    String detail =
        card.outcomeDetail() == null || card.outcomeDetail().isBlank()
            ? ""
            : ": " + SlackText.escape(card.outcomeDetail());
    return switch (card.outcome()) {
      case RECOVERED -> ":large_green_circle: *Resumed*, the Argo workflow succeeded";
      case ESCALATED ->
          ":rotating_light: *Resumed*, then "
              + SlackText.escape(
                  card.outcomeDetail() == null ? "the workflow failed" : card.outcomeDetail());
      case REJECTED -> ":no_entry: *Rejected*, the node was stopped in Argo";
      case EXPIRED -> ":hourglass: *Expired*: the node was stopped in Argo, never resumed";
      case RESOLVED -> ":information_source: *Decided in Argo*, outside Greenlight" + detail;
      default -> ":x: *Could not reach Argo*, escalated to on-call" + detail;
    };
  }

  /** The thread's words for an Argo gate; null leaves the step to {@link ThreadText}. */
  static String thread(IncidentCard card, ThreadUpdate u) {
    String who = SlackText.mention(u.actor());
    String detail = SlackText.escape(u.detail());
    return switch (u.step()) {
      case CLASSIFIED ->
          "Argo workflow *"
              + SlackText.escape(card.service())
              + "* waits at suspend node *"
              + SlackText.escape(card.classification().label())
              + "* ("
              + card.classification().risk().label()
              + " risk).";
      case APPROVED ->
          "Approved by "
              + (u.people().isEmpty() ? who : SlackText.mentions(u.people()))
              + ". Resuming the node in Argo.";
      case REJECTED ->
          "Rejected by " + who + (u.detail() == null ? "" : ": " + detail) + ". Stopping the node.";
      case EXPIRED -> "No decision before the approval timeout: stopping the node (never resumed).";
      case REMINDER ->
          "Reminder: " + SlackText.mentions(u.people()) + ", this Argo gate is waiting for you.";
      case ESCALATION ->
          "Escalating: " + SlackText.mentions(u.people()) + ", this Argo gate is still waiting.";
      case ARGO ->
          (u.actor() == null ? "" : who + ": ")
              + detail
              + (u.people().isEmpty() ? "" : " " + SlackText.mentions(u.people()))
              + ".";
      default -> null;
    };
  }
}
