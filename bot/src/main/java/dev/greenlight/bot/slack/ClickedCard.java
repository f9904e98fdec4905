package dev.greenlight.bot.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import dev.greenlight.api.CardRef;
import java.util.Optional;

/**
 * The message a click came from, as Slack reported it in the payload. The workflow compares it with
 * the card it posted and refuses a click from any other message (a copy of the buttons, a duplicate
 * card), so the bot never has to trust where a payload says it came from.
 */
final class ClickedCard {
  private ClickedCard() {}

  /** The channel and message of a block action; empty when the payload names none. */
  static Optional<CardRef> of(BlockActionPayload p) {
    if (p.getChannel() == null || p.getMessage() == null) {
      return Optional.empty();
    }
    return of(p.getChannel().getId(), p.getMessage().getTs());
  }

  /** The card a reject form was opened from; empty when either part is missing. */
  static Optional<CardRef> of(String channel, String ts) {
    if (channel == null || channel.isBlank() || ts == null || ts.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(new CardRef(channel, ts));
  }
}
