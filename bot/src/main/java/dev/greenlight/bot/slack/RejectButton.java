package dev.greenlight.bot.slack;

import static com.slack.api.model.block.Blocks.asBlocks;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import com.slack.api.model.view.View;
import dev.greenlight.api.CardRef;
import dev.greenlight.api.Decision;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reject: checks the clicker against the configuration, then opens a modal asking for the
 * (required) reason; nothing is signalled until the modal is submitted ({@link RejectModal}). The
 * form opens without asking Temporal about the gate: a stale or closed gate is refused by the
 * workflow when the reason arrives, and the workflow tells the clicker why.
 */
final class RejectButton implements BlockActionHandler {
  private static final Logger log = LoggerFactory.getLogger(RejectButton.class);

  /** The reason comes with the modal; the local check only looks at the clicker. */
  private static final String PENDING_REASON = "pending";

  private final ClickPipeline clicks;

  RejectButton(ClickPipeline clicks) {
    this.clicks = clicks;
  }

  @Override
  public Response apply(BlockActionRequest req, ActionContext ctx)
      throws IOException, SlackApiException {
    BlockActionPayload p = req.getPayload();
    Optional<CardRef> card = ClickedCard.of(p);
    Optional<Click> click =
        ButtonValue.decode(p.getActions().get(0).getValue())
            .filter(v -> card.isPresent())
            .map(
                v ->
                    new Click(
                        v.workflowId(),
                        new Decision(
                            Decision.Verdict.REJECT,
                            p.getUser().getId(),
                            v.nonce(),
                            PENDING_REASON,
                            0,
                            null,
                            null,
                            card.get())));
    Answer answer = new Answer.Privately(ctx, p);
    return clicks.run(
        click, ClickPipeline.NOT_A_GREENLIGHT_BUTTON, answer, c -> open(ctx, p, c, answer));
  }

  /** Opens the reject form for the card that was clicked. */
  private static Response open(ActionContext ctx, BlockActionPayload p, Click click, Answer answer)
      throws IOException, SlackApiException {
    String channel = p.getChannel() == null ? "" : p.getChannel().getId();
    String ts = p.getMessage() == null ? "" : p.getMessage().getTs();
    RejectModal.Metadata meta =
        new RejectModal.Metadata(click.workflowId(), click.decision().nonce(), channel, ts);
    View modal = modal(meta);
    var opened = ctx.client().viewsOpen(r -> r.triggerId(p.getTriggerId()).view(modal));
    if (!opened.isOk()) {
      log.warn("views.open failed for {}: {}", p.getUser().getId(), opened.getError());
      return answer.say(
          ":warning: Could not open the reject form ("
              + SlackText.escape(opened.getError())
              + "); nothing was decided. Please click Reject again.");
    }
    return answer.done();
  }

  static View modal(RejectModal.Metadata meta) {
    return view(
        v ->
            v.type("modal")
                .callbackId(Ids.REJECT_MODAL)
                .title(viewTitle(t -> t.type("plain_text").text("Reject remediation")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Reject")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .privateMetadata(meta.encode())
                .blocks(
                    asBlocks(
                        section(
                            s ->
                                s.text(
                                    markdownText(
                                        "Nothing will run. Say why, for the incident's thread and audit trail."))),
                        input(
                            i ->
                                i.blockId(Ids.REASON_BLOCK)
                                    .label(plainText("Reason"))
                                    .element(
                                        plainTextInput(
                                            e ->
                                                e.actionId(Ids.REASON_INPUT)
                                                    .multiline(true)
                                                    .maxLength(500)))))));
  }
}
