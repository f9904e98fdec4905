package dev.greenlight.bot.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.model.Message;
import dev.greenlight.api.CardRef;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.failure.ApplicationFailure;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds a post that an earlier attempt made before its reply was lost, by the {@link PostMetadata}
 * it was posted with. Read only on a retry: a first attempt posted nothing before.
 *
 * <p>A history Slack refuses for good (no {@code channels:history} scope, say) finds nothing, and
 * the caller posts again: a duplicate then stays possible, and the log says why. A history that
 * cannot be read for now fails the attempt, which is retried, rather than risk a duplicate.
 */
final class EarlierPosts {
  /** How far back of the first attempt an earlier reply counts (local attempts came before). */
  static final long SKEW_MILLIS = 30_000;

  private static final int CARDS_LOOKED_AT = 200;
  private static final int REPLIES_LOOKED_AT = 999;
  private static final Logger log = LoggerFactory.getLogger(EarlierPosts.class);

  private final MethodsClient slack;
  private final MeterRegistry meters;

  EarlierPosts(MethodsClient slack, MeterRegistry meters) {
    this.slack = slack;
    this.meters = meters;
  }

  /** The incident's card in {@code channel}, if one was posted. */
  Optional<CardRef> card(String channel, PostMetadata card) {
    return cards(channel, card).stream()
        .reduce((newer, older) -> older) // newest first: the oldest is the first card
        .map(m -> new CardRef(channel, m.getTs()));
  }

  /**
   * The other cards of the incident whose card is {@code own} (known by its metadata), in its
   * channel: orphans of lost replies.
   */
  List<CardRef> orphans(CardRef own) {
    List<Message> recent = history(own.channel());
    Optional<PostMetadata> incident =
        recent.stream()
            .filter(m -> own.ts().equals(m.getTs()))
            .findFirst()
            .flatMap(PostMetadata::of)
            .filter(p -> p.kind().equals("card"));
    return incident
        .map(
            p ->
                recent.stream()
                    .filter(p::matches)
                    .filter(m -> !own.ts().equals(m.getTs()))
                    .map(m -> new CardRef(own.channel(), m.getTs()))
                    .toList())
        .orElse(List.of());
  }

  private List<Message> cards(String channel, PostMetadata card) {
    return history(channel).stream().filter(card::matches).toList();
  }

  private List<Message> history(String channel) {
    return read(
        "conversations.history",
        () ->
            SlackCalls.call(
                    meters,
                    "conversations.history",
                    () ->
                        slack.conversationsHistory(
                            r ->
                                r.channel(channel).includeAllMetadata(true).limit(CARDS_LOOKED_AT)))
                .getMessages());
  }

  /**
   * The reply {@code reply} under the card, if an earlier attempt posted it: the incident's latest
   * reply of that kind, with the same key, posted since the notification was first tried. (A
   * repeated identical reply, a reminder say, is older than that, and is not taken for this one.)
   */
  boolean replied(CardRef card, PostMetadata reply, long sinceMillis) {
    List<Message> thread =
        read(
            "conversations.replies",
            () ->
                SlackCalls.call(
                        meters,
                        "conversations.replies",
                        () ->
                            slack.conversationsReplies(
                                r ->
                                    r.channel(card.channel())
                                        .ts(card.ts())
                                        .includeAllMetadata(true)
                                        .limit(REPLIES_LOOKED_AT)))
                    .getMessages());
    Optional<Message> latest =
        thread.stream()
            .filter(m -> !card.ts().equals(m.getTs()))
            .filter(reply::sameIncidentAndKind)
            .reduce((older, newer) -> newer);
    return latest.isPresent()
        && reply.matches(latest.get())
        && millis(latest.get().getTs()) >= sinceMillis - SKEW_MILLIS;
  }

  private interface Read {
    List<Message> run();
  }

  private static List<Message> read(String method, Read read) {
    try {
      List<Message> messages = read.run();
      return messages == null ? List.of() : messages;
    } catch (ApplicationFailure e) {
      if (!e.isNonRetryable()) {
        throw e;
      }
      log.warn(
          "{} refused ({}): cannot look for a post whose reply was lost; posting again",
          method,
          e.getOriginalMessage());
      return List.of();
    }
  }

  private static long millis(String ts) {
    try {
      return new BigDecimal(ts).movePointRight(3).longValue();
    } catch (NumberFormatException | NullPointerException e) {
      return 0;
    }
  }
}
