package dev.greenlight.bot.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.response.Response;
import dev.greenlight.api.CardRef;
import java.util.Map;
import java.util.function.Supplier;

/** How a click is answered: a private note for a button or menu, the form's error for a modal. */
interface Answer {
  /** Tells the clicker {@code text}; the returned response acks the interaction. */
  Response say(String text);

  /** Acks the interaction with nothing more to say. */
  Response done();

  /**
   * Acks now and tells the clicker {@code text} once it is computed, off the ack path. A form can
   * only answer in its ack, so it says {@code meanwhile} instead.
   */
  Response sayAfterAck(Supplier<String> text, String meanwhile);

  /**
   * Replaces the card's blocks with {@code text}, buttons and all, if the message Slack stores at
   * {@code card} is the card of {@code incidentId} (by its message metadata): only for an incident
   * Temporal has no record of, so no workflow will ever draw it again. Best effort.
   *
   * @return whether it was that incident's card
   */
  boolean retireCardOf(CardRef card, String incidentId, String text);

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
    public Response sayAfterAck(Supplier<String> text, String meanwhile) {
      Replies.tellLater(ctx, payload, text);
      return ctx.ack();
    }

    @Override
    public boolean retireCardOf(CardRef card, String incidentId, String text) {
      return LostCards.retire(ctx.client(), card, incidentId, text);
    }
  }

  /**
   * A modal's submission: answered with {@code response_action: errors} on the reason field, which
   * keeps the form open.
   */
  record InForm(ViewSubmissionContext ctx) implements Answer {
    @Override
    public Response say(String text) {
      return error(ctx, text);
    }

    @Override
    public Response done() {
      return ctx.ack();
    }

    @Override
    public Response sayAfterAck(Supplier<String> text, String meanwhile) {
      return say(meanwhile);
    }

    @Override
    public boolean retireCardOf(CardRef card, String incidentId, String text) {
      return LostCards.retire(ctx.client(), card, incidentId, text);
    }

    /** Keeps the form open with {@code text} under its reason field. */
    static Response error(ViewSubmissionContext ctx, String text) {
      return ctx.ack(r -> r.responseAction("errors").errors(Map.of(Ids.REASON_BLOCK, text)));
    }
  }
}
