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

import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import dev.greenlight.api.Decision;
import dev.greenlight.api.Refusal;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reject: checks the clicker, then opens a modal asking for the (required) reason. */
final class RejectButton implements BlockActionHandler {
  private static final Logger log = LoggerFactory.getLogger(RejectButton.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final GateClient gates;

  RejectButton(GateClient gates) {
    this.gates = gates;
  }

  @Override
  public Response apply(BlockActionRequest req, ActionContext ctx)
      throws java.io.IOException, com.slack.api.methods.SlackApiException {
    BlockActionPayload p = req.getPayload();
    String user = p.getUser().getId();
    Optional<ButtonValue> value = ButtonValue.decode(p.getActions().get(0).getValue());
    if (value.isEmpty()) {
      Replies.tell(ctx, p, "This button does not carry a Greenlight incident; nothing was done.");
      return ctx.ack();
    }
    // The reason comes with the modal: check everything else now.
    Decision probe =
        new Decision(Decision.Verdict.REJECT, user, value.get().nonce(), "pending", 0, null);
    Optional<Refusal> refusal = GateClient.precheck(gates.view(value.get().workflowId()), probe);
    if (refusal.isPresent()) {
      Replies.tell(ctx, p, RefusalText.render(refusal.get()));
      gates.noteRefusal(value.get().workflowId(), probe, refusal.get());
      return ctx.ack();
    }
    String channel = p.getChannel() == null ? "" : p.getChannel().getId();
    String ts = p.getMessage() == null ? "" : p.getMessage().getTs();
    RejectModal.Metadata meta =
        new RejectModal.Metadata(value.get().workflowId(), value.get().nonce(), channel, ts);
    View modal = modal(meta);
    var opened = ctx.client().viewsOpen(r -> r.triggerId(p.getTriggerId()).view(modal));
    if (!opened.isOk()) {
      log.warn("views.open failed for {}: {}", user, opened.getError());
      Replies.tell(
          ctx,
          p,
          ":warning: Could not open the reject form ("
              + SlackText.escape(opened.getError())
              + "); nothing was decided. Please click Reject again.");
    } else if (p.getMessage() != null) {
      RejectModal.rememberCard(opened.getView().getId(), p.getMessage().getBlocks());
    }
    return ctx.ack();
  }

  static View modal(RejectModal.Metadata meta) throws java.io.IOException {
    String metadata = JSON.writeValueAsString(meta);
    return view(
        v ->
            v.type("modal")
                .callbackId(Ids.REJECT_MODAL)
                .title(viewTitle(t -> t.type("plain_text").text("Reject remediation")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Reject")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .privateMetadata(metadata)
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
