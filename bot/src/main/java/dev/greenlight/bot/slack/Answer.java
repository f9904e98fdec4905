package dev.greenlight.bot.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.response.Response;
import java.util.Map;

/** How a click is answered: a private note for a button or menu, the form's error for a modal. */
interface Answer {
  /** Tells the clicker {@code text}; the returned response acks the interaction. */
  Response say(String text);

  /** Acks the interaction with nothing more to say. */
  Response done();

  /**
   * Shows the card as being processed, buttons gone. Called before the signal is sent, so it can
   * never overwrite the final card the workflow draws.
   */
  void processing();

  /** A button or menu click: answered with an ephemeral message in the card's channel. */
  record Privately(ActionContext ctx, BlockActionPayload payload) implements Answer {
    @Override
    public Response say(String text) {
      Replies.tell(ctx, payload, text);
      return ctx.ack();
    }

    @Override
    public Response done() {
      return ctx.ack();
    }

    @Override
    public void processing() {
      Replies.processing(ctx, payload);
    }
  }

  /**
   * A modal's submission: answered with {@code response_action: errors} on the reason field, which
   * keeps the form open; {@code processing} edits the card the modal was opened from.
   */
  record InForm(ViewSubmissionContext ctx, Runnable editCard) implements Answer {
    @Override
    public Response say(String text) {
      return error(ctx, text);
    }

    @Override
    public Response done() {
      return ctx.ack();
    }

    @Override
    public void processing() {
      editCard.run();
    }

    /** Keeps the form open with {@code text} under its reason field. */
    static Response error(ViewSubmissionContext ctx, String text) {
      return ctx.ack(r -> r.responseAction("errors").errors(Map.of(Ids.REASON_BLOCK, text)));
    }
  }
}
