package dev.greenlight.bot.slack;

import com.slack.api.methods.MethodsClient;
import dev.greenlight.api.CardRef;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the buttons off copies of an incident's card (posted twice when a reply was lost and the
 * lookup missed the first), so that only the card the workflow knows can be clicked. Best effort: a
 * failure is logged, never fails the notification; a click on a copy is refused anyway.
 */
final class Orphans {
  /** What a copy of the card says instead of its buttons. */
  static final String TEXT =
      ":link: A copy of this incident's card (Slack's answer to the first post was lost). Use the"
          + " incident's card in this channel; this one decides nothing.";

  private static final Logger log = LoggerFactory.getLogger(Orphans.class);

  private final MethodsClient slack;
  private final MeterRegistry meters;
  private final EarlierPosts earlier;

  Orphans(MethodsClient slack, MeterRegistry meters, EarlierPosts earlier) {
    this.slack = slack;
    this.meters = meters;
    this.earlier = earlier;
  }

  /** Strips every other card of {@code own}'s incident in its channel; answers how many. */
  int strip(CardRef own) {
    try {
      List<CardRef> copies = earlier.orphans(own);
      for (CardRef copy : copies) {
        SlackCalls.call(
            meters,
            "chat.update",
            () ->
                slack.chatUpdate(
                    m -> m.channel(copy.channel()).ts(copy.ts()).text(TEXT).blocks(List.of())));
        log.info("A copy of the card {} lost its buttons ({})", own.ts(), copy.ts());
      }
      return copies.size();
    } catch (RuntimeException e) {
      log.warn("Could not take the buttons off copies of card {}: {}", own.ts(), e.getMessage());
      return 0;
    }
  }
}
