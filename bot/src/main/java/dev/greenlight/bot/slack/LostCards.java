package dev.greenlight.bot.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.model.Message;
import dev.greenlight.api.CardRef;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retires the card of an incident Temporal has no record of: its blocks (buttons and all) are
 * replaced by a line saying it was lost. The card is read back from Slack first and retired only if
 * its message metadata names that incident, so a click whose button value names some other incident
 * can never blank a live card.
 */
final class LostCards {
  private static final Logger log = LoggerFactory.getLogger(LostCards.class);

  private LostCards() {}

  /** Whether {@code card} was {@code incidentId}'s card (and is now retired). */
  static boolean retire(MethodsClient slack, CardRef card, String incidentId, String text) {
    try {
      var h =
          slack.conversationsHistory(
              r ->
                  r.channel(card.channel())
                      .latest(card.ts())
                      .inclusive(true)
                      .limit(1)
                      .includeAllMetadata(true));
      Optional<Message> stored =
          h.isOk() && h.getMessages() != null
              ? h.getMessages().stream().filter(m -> card.ts().equals(m.getTs())).findFirst()
              : Optional.empty();
      if (stored.isEmpty() || !PostMetadata.card(incidentId).matches(stored.get())) {
        log.info("Message {} is not the card of {}: left as it is", card.ts(), incidentId);
        return false;
      }
      var r =
          slack.chatUpdate(
              q -> q.channel(card.channel()).ts(card.ts()).text(text).blocks(List.of()));
      if (!r.isOk()) {
        log.warn("Could not take the buttons off lost card {}: {}", card.ts(), r.getError());
      }
      return true;
    } catch (Exception e) {
      log.warn("Could not retire lost card {}: {}", card.ts(), e.getMessage());
      return false;
    }
  }
}
