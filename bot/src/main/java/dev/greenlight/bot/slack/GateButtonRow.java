package dev.greenlight.bot.slack;

import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.composition.ConfirmationDialogObject;
import com.slack.api.model.block.element.BlockElement;
import dev.greenlight.api.IncidentCard;
import dev.greenlight.api.Risk;
import java.util.List;
import java.util.function.Function;

/**
 * The open gate's button row, the same for every gate kind: approve (with a confirmation on high
 * risk), reject, and the two snoozes, each carrying the workflow ID and the gate's nonce.
 */
final class GateButtonRow {
  private GateButtonRow() {}

  static List<BlockElement> of(
      IncidentCard card,
      String approveLabel,
      String rejectLabel,
      Function<IncidentCard, ConfirmationDialogObject> highRiskConfirm) {
    String value = new ButtonValue(card.workflowId(), card.gate().nonce()).encode();
    boolean high = card.classification().risk() == Risk.HIGH;
    return List.of(
        button(
            b ->
                b.actionId(Ids.APPROVE_ACTION)
                    .text(plainText(approveLabel))
                    .style("primary")
                    .value(value)
                    .confirm(high ? highRiskConfirm.apply(card) : null)),
        button(
            b ->
                b.actionId(Ids.REJECT_ACTION)
                    .text(plainText(rejectLabel))
                    .style("danger")
                    .value(value)),
        button(b -> b.actionId(Ids.SNOOZE_30_ACTION).text(plainText("Snooze 30m")).value(value)),
        button(b -> b.actionId(Ids.SNOOZE_120_ACTION).text(plainText("Snooze 2h")).value(value)));
  }
}
