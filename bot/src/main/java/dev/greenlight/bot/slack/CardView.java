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
import dev.greenlight.api.ArgoGateCards;
import dev.greenlight.api.Classification;
import dev.greenlight.api.GateState;
import dev.greenlight.api.GateView;
import dev.greenlight.api.IncidentCard;
import dev.greenlight.api.Redaction;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders the incident card as Block Kit. */
public final class CardView {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private CardView() {}

  /** The notification text (fallback for clients without blocks). */
  public static String fallback(IncidentCard card) {
    if (ArgoGateCards.is(card)) {
      return ArgoGateView.fallback(card);
    }
    return "Incident "
        + card.incidentId()
        + " on "
        + card.service()
        + ": "
        + card.classification().label()
        + " — "
        + status(card)
        + (card.outcome() == null ? "" : " · " + outcomeWords(card));
  }

  /** The outcome in plain words, for the notification text (no emoji, no markdown). */
  static String outcomeWords(IncidentCard card) {
    return switch (card.outcome()) {
      case RECOVERED -> "Recovered";
      case ESCALATED -> "Escalated to on-call, not recovered";
      case REJECTED -> "Rejected, nothing was run";
      case EXPIRED -> "Expired, nothing was run";
      case REMEDIATION_FAILED -> "Remediation failed, escalated to on-call";
      case NO_RUNBOOK -> "Closed, no runbook ran";
      case RESOLVED -> "Resolved on its own, nothing was run";
    };
  }

  public static List<LayoutBlock> blocks(IncidentCard card) {
    if (ArgoGateCards.is(card)) {
      return ArgoGateView.blocks(card);
    }
    Classification c = card.classification();
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(
        header(
            h ->
                h.text(
                    plainText(
                        SlackText.fit(
                            "Incident " + card.incidentId() + " · " + card.service(),
                            SlackText.HEADER_TEXT)))));
    blocks.add(
        section(
            s ->
                s.text(
                    markdownText(
                        card.alert() != null
                            ? AlertText.reported(card)
                            : "Reported by "
                                + SlackText.mention(card.requesterId())
                                + ":\n"
                                + SlackText.quote(card.text(), SlackText.SECTION_TEXT - 40)))));
    List<TextObject> fields = new ArrayList<>();
    fields.add(
        markdownText(
            SlackText.fit(
                "*Classification*\n" + SlackText.escape(c.label()), SlackText.SECTION_FIELD)));
    fields.add(markdownText("*Confidence*\n" + percent(c.confidence())));
    fields.add(markdownText("*Risk*\n" + (c.risk() == null ? "—" : c.risk().label())));
    fields.add(
        markdownText(
            "*Runbook*\n" + (c.runbookId() == null ? "none" : SlackText.escape(c.runbookId()))));
    blocks.add(section(s -> s.fields(fields)));
    if (c.action() != null) {
      blocks.add(
          section(
              s ->
                  s.text(
                      markdownText(
                          SlackText.fit(
                              "*Proposed action*\n" + SlackText.escape(Redaction.urls(c.action())),
                              SlackText.SECTION_TEXT)))));
    }
    PreviewView.block(c).ifPresent(blocks::add);
    blocks.add(
        context(
            x ->
                x.elements(
                    List.of(
                        markdownText(
                            SlackText.fit(
                                ClassificationView.explanation(c), SlackText.CONTEXT_TEXT))))));
    if (card.alert() != null) {
      alertLines(card, blocks);
    }
    blocks.addAll(HoldsView.blocks(card));
    GateView gate = card.gate();
    if (gate.nonce() != null) {
      List<BlockElement> elements =
          gate.state() == GateState.CHOOSING ? RunbookMenu.elements(card) : buttons(card);
      blocks.add(actions(a -> a.blockId(Ids.GATE_BLOCK).elements(elements)));
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

  private static void alertLines(IncidentCard card, List<LayoutBlock> blocks) {
    String hint = AlertText.hint(card);
    if (hint != null) {
      blocks.add(context(x -> x.elements(List.of(markdownText(hint)))));
    }
    String resolved = AlertText.resolved(card);
    if (resolved != null) {
      blocks.add(section(s -> s.text(markdownText(resolved))));
    }
  }

  private static List<BlockElement> buttons(IncidentCard card) {
    return GateButtonRow.of(
        card, PreviewView.approveLabel(card.classification()), "Reject", CardView::confirmHighRisk);
  }

  private static ConfirmationDialogObject confirmHighRisk(IncidentCard card) {
    return ConfirmationDialogObject.builder()
        .title(plainText("Approve a high-risk action?"))
        .text(
            markdownText(
                SlackText.fit(
                    "This runs `"
                        + SlackText.escape(Redaction.urls(card.classification().action()))
                        + "` on *"
                        + SlackText.escape(card.service())
                        + "*.",
                    SlackText.CONFIRM_TEXT)))
        .confirm(plainText("Approve"))
        .deny(plainText("Cancel"))
        .style("danger")
        .build();
  }

  static String status(IncidentCard card) {
    GateView g = card.gate();
    String at =
        g.decidedAtMillis() > 0 ? TIME.format(Instant.ofEpochMilli(g.decidedAtMillis())) : "";
    return switch (g.state()) {
      case PENDING -> card.outcome() == null ? "Classifying…" : "Refused by the rails";
      case OPEN -> waiting(g);
      case AUTO_APPROVED -> "Approved by policy (low risk, confident match) at " + at;
      case APPROVED ->
          ":white_check_mark: Approved by " + SlackText.mentions(g.approvals()) + " at " + at;
      case REJECTED ->
          g.rejectedBy() == null
              ? ":no_entry: Refused by the rails at " + at + " — nothing was run"
              : ":no_entry: Rejected by "
                  + SlackText.mention(g.rejectedBy())
                  + " at "
                  + at
                  + ": "
                  + SlackText.escape(g.rejectReason())
                  + " — nothing was run";
      case EXPIRED -> ":hourglass: Expired at " + at + " — nothing was run";
      case NONE -> "No runbook matches — needs a human";
      case CHOOSING ->
          "No runbook matched: "
              + SlackText.mentions(g.approvers())
              + ", pick one from the catalog, or close the incident";
      case PICKED -> "A runbook was picked; approval follows";
      case RESOLVED -> AlertText.resolvedGate(at);
    };
  }

  /** How the incident ended, in one line under the card. */
  static String outcome(IncidentCard card) {
    String detail =
        card.outcomeDetail() == null || card.outcomeDetail().isBlank()
            ? ""
            : ": " + SlackText.escape(Redaction.urls(card.outcomeDetail()));
    return switch (card.outcome()) {
      case RECOVERED -> ":large_green_circle: *Recovered*" + detail;
      case ESCALATED -> ":rotating_light: *Escalated to on-call*, not recovered" + detail;
      case REJECTED -> ":no_entry: *Rejected*, nothing was run" + (byPerson(card) ? "" : detail);
      case EXPIRED -> ":hourglass: *Expired*, nothing was run";
      case REMEDIATION_FAILED -> ":x: *Remediation failed*, escalated to on-call" + detail;
      case NO_RUNBOOK -> ":grey_question: *Closed*, no runbook ran" + detail;
      case RESOLVED -> ":large_green_circle: *Resolved on its own*, nothing was run" + detail;
    };
  }

  /** Whether a person rejected it (otherwise a rail refused it, and the detail says which). */
  private static boolean byPerson(IncidentCard card) {
    return card.gate().rejectedBy() != null;
  }

  /** Who the gate still waits for: not those who approved, nor the requester where they may not. */
  private static String waiting(GateView g) {
    List<String> waitingFor =
        g.approvers().stream()
            .filter(a -> !g.approvals().contains(a))
            .filter(a -> g.selfApproval() || !a.equals(g.requester()))
            .toList();
    StringBuilder s =
        new StringBuilder("Waiting for approval from ").append(SlackText.mentions(waitingFor));
    if (g.required() > 1) {
      s.append(" · ")
          .append(g.approvals().size())
          .append(" of ")
          .append(g.required())
          .append(" approvals");
    }
    if (!g.approvals().isEmpty()) {
      s.append(" · approved by ").append(SlackText.mentions(g.approvals()));
    }
    if (!g.selfApproval()) {
      s.append(" · the requester cannot approve");
    }
    if (g.deadlineMillis() > 0) {
      s.append(" · expires at ").append(TIME.format(Instant.ofEpochMilli(g.deadlineMillis())));
    }
    return s.toString();
  }

  static String percent(double confidence) {
    return String.format(Locale.ROOT, "%.0f%%", confidence * 100);
  }
}
