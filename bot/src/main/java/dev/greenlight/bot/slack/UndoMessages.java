package dev.greenlight.bot.slack;

import static dev.greenlight.bot.slack.SlackCalls.call;

import com.slack.api.methods.MethodsClient;
import dev.greenlight.api.CardRef;
import dev.greenlight.api.IncidentCard;
import dev.greenlight.api.UndoOffer;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.failure.ApplicationFailure;

/**
 * Posts the Undo reply under an incident's card and re-renders it in place. A retry after a lost
 * reply may post a second copy; the workflow takes clicks only from the message it was told about
 * and refuses the copy's ({@code STALE_CARD}), and only that message is updated.
 */
final class UndoMessages {
  private final MethodsClient slack;
  private final MeterRegistry meters;

  UndoMessages(MethodsClient slack, MeterRegistry meters) {
    this.slack = slack;
    this.meters = meters;
  }

  CardRef offer(CardRef card, IncidentCard content, UndoOffer offer) {
    if (card == null) {
      throw ApplicationFailure.newNonRetryableFailure(
          "there is no card to reply under (it could not be posted)", SlackCalls.REFUSED);
    }
    var r =
        call(
            meters,
            "chat.postMessage",
            () ->
                slack.chatPostMessage(
                    m ->
                        m.channel(card.channel())
                            .threadTs(card.ts())
                            .text(UndoView.text(offer))
                            .blocks(UndoView.blocks(offer))));
    return new CardRef(r.getChannel(), r.getTs());
  }

  void update(CardRef message, UndoOffer offer) {
    call(
        meters,
        "chat.update",
        () ->
            slack.chatUpdate(
                m ->
                    m.channel(message.channel())
                        .ts(message.ts())
                        .text(UndoView.text(offer))
                        .blocks(UndoView.blocks(offer))));
  }
}
