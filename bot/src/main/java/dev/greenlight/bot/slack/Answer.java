package dev.greenlight.bot.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.response.Response;
import dev.greenlight.api.CardRef;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

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
   * Replaces the card's blocks with {@code text}, buttons and all: only for a card whose incident
   * Temporal has no record of, so no workflow will ever draw it again. Best effort.
   */
  void retire(CardRef card, String text);

  /** Retires a card through {@code ctx}'s client; failures are logged. */
  static void retire(com.slack.api.bolt.context.Context ctx, CardRef card, String text) {
    try {
      var r =
          ctx.client()
              .chatUpdate(
                  q -> q.channel(card.channel()).ts(card.ts()).text(text).blocks(List.of()));
      if (!r.isOk()) {
        LoggerFactory.getLogger(Answer.class)
            .warn("Could not take the buttons off lost card {}: {}", card.ts(), r.getError());
      }
    } catch (Exception e) {
      LoggerFactory.getLogger(Answer.class)
          .warn("Could not take the buttons off lost card {}: {}", card.ts(), e.getMessage());
    }
  }

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
    public void retire(CardRef card, String text) {
      Answer.retire(ctx, card, text);
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
    public void retire(CardRef card, String text) {
      Answer.retire(ctx, card, text);
    }

    /** Keeps the form open with {@code text} under its reason field. */
    static Response error(ViewSubmissionContext ctx, String text) {
      return ctx.ack(r -> r.responseAction("errors").errors(Map.of(Ids.REASON_BLOCK, text)));
    }
  }
}
