package dev.greenlight.bot.slack;

import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.staticSelect;

import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.BlockElement;
import dev.greenlight.api.IncidentCard;
import java.util.List;

/** The card of an incident that matched no runbook: pick one from the catalog, or close it. */
final class RunbookMenu {
  private RunbookMenu() {}

  static List<BlockElement> elements(IncidentCard card) {
    String wf = card.workflowId();
    String nonce = card.gate().nonce();
    List<OptionObject> options =
        card.choices().stream()
            .map(
                r ->
                    option(
                        plainText(
                            cut(r.label() + " · " + r.id() + " (" + r.risk().label() + " risk)")),
                        new ButtonValue(wf, nonce, r.id()).encode()))
            .toList();
    return List.of(
        staticSelect(
            s ->
                s.actionId(Ids.PICK_ACTION)
                    .placeholder(plainText("Pick a runbook"))
                    .options(options)),
        button(
            b ->
                b.actionId(Ids.CLOSE_ACTION)
                    .text(plainText("Close incident"))
                    .value(new ButtonValue(wf, nonce).encode())));
  }

  /** Option texts are limited to 75 characters. */
  private static String cut(String s) {
    return s.length() > 75 ? s.substring(0, 74) + "…" : s;
  }
}
