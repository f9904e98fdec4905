package dev.greenlight.bot.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.auth.AuthTestResponse;
import dev.greenlight.api.CardRef;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Links to incident cards: Slack's permalink form, {@code <workspace url>archives/<channel>/p<ts
 * without the dot>}, with the workspace URL asked of {@code auth.test} once. Without it (Slack
 * unreachable) the views show the incident without a link.
 */
final class CardLinks {
  private static final Logger log = LoggerFactory.getLogger(CardLinks.class);

  private final AtomicReference<String> workspaceUrl = new AtomicReference<>();

  /**
   * The card's permalink, or empty when the card is not posted yet or Slack did not say its URL.
   */
  Optional<String> of(MethodsClient slack, CardRef card) {
    if (card == null || card.channel() == null || card.ts() == null) {
      return Optional.empty();
    }
    String base = workspaceUrl.get();
    if (base == null) {
      try {
        AuthTestResponse r = slack.authTest(t -> t);
        if (r.isOk() && r.getUrl() != null) {
          base = r.getUrl().endsWith("/") ? r.getUrl() : r.getUrl() + "/";
          workspaceUrl.set(base);
        }
      } catch (Exception e) {
        log.info("auth.test failed; cards are shown without links: {}", e.getMessage());
      }
    }
    return base == null
        ? Optional.empty()
        : Optional.of(base + "archives/" + card.channel() + "/p" + card.ts().replace(".", ""));
  }
}
