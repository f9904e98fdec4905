package dev.greenlight.bot.slack;

import static dev.greenlight.bot.slack.SlackCalls.call;

import com.slack.api.methods.MethodsClient;
import dev.greenlight.activities.NotificationActivities;
import dev.greenlight.api.CardRef;
import dev.greenlight.api.IncidentCard;
import dev.greenlight.api.Refusal;
import dev.greenlight.api.ThreadUpdate;
import dev.greenlight.api.UndoOffer;
import dev.greenlight.telemetry.Meters;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts and updates incident cards and thread replies through Slack's Web API.
 *
 * <p>Every card and reply carries {@link PostMetadata}; a retry that may follow a lost reply looks
 * for the earlier post first and adopts it instead of posting twice. When Slack refuses for good,
 * the refusal is classified ({@link SlackRefusal}): a card whose channel is gone (or closed to the
 * bot, or whose blocks Slack refused) is posted in the {@link Fallback} place instead, and a card
 * update or thread reply that cannot be shown is relayed there; the activity still fails
 * non-retryably, so the incident's timeline records that its channel was not told. A revoked token
 * leaves nothing to post with: it is logged and recorded.
 */
public final class SlackNotifier implements NotificationActivities {
  /** The failure type of a permanent Slack error. */
  static final String REFUSED = SlackCalls.REFUSED;

  private static final Logger log = LoggerFactory.getLogger(SlackNotifier.class);

  private final MethodsClient slack;
  private final MeterRegistry meters;
  private final Fallback fallback;
  private final EarlierPosts earlier;
  private final Orphans orphans;
  private final Attempt attempt;
  private final UndoMessages undo;

  /** Counts its Web API calls into {@link Meters#global()}; falls back to the requester's DM. */
  public SlackNotifier(MethodsClient slack) {
    this(slack, Meters.global());
  }

  /** Counts each Web API call by method and error into {@code meters}. */
  public SlackNotifier(MethodsClient slack, MeterRegistry meters) {
    this(slack, meters, "", "");
  }

  /**
   * @param fallbackChannel where to tell an incident whose channel Slack refuses (empty: a direct
   *     message to the requester and {@code onCall})
   * @param onCall who else is told by direct message
   */
  public SlackNotifier(
      MethodsClient slack, MeterRegistry meters, String fallbackChannel, String onCall) {
    this(slack, meters, new Fallback(slack, meters, fallbackChannel, onCall), Attempt.CURRENT);
  }

  SlackNotifier(MethodsClient slack, MeterRegistry meters, Fallback fallback, Attempt attempt) {
    this.slack = slack;
    this.meters = meters;
    this.fallback = fallback;
    this.earlier = new EarlierPosts(slack, meters);
    this.orphans = new Orphans(slack, meters, earlier);
    this.attempt = attempt;
    this.undo = new UndoMessages(slack, meters);
  }

  @Override
  public CardRef postCard(String channelId, IncidentCard card) {
    PostMetadata meta = PostMetadata.card(card.incidentId());
    if (attempt.mayHavePostedBefore()) {
      Optional<CardRef> posted = earlier.card(channelId, meta);
      if (posted.isPresent()) {
        log.info("Card of {} was posted before its reply was lost: adopted", card.incidentId());
        return posted.get();
      }
    }
    try {
      CardRef ref = post(channelId, null, CardView.fallback(card), card, meta);
      if (attempt.mayHavePostedBefore()) {
        // An earlier attempt's post may have landed after the lookup: never leave it live.
        orphans.strip(ref);
      }
      return ref;
    } catch (ApplicationFailure e) {
      String code = SlackRefusal.code(e).orElseThrow(() -> e);
      if (SlackRefusal.of(code).orElseThrow() == SlackRefusal.CANNOT_POST) {
        log.error("Slack refuses Greenlight's token ({}): card of {} not posted", code, e);
        throw e;
      }
      boolean asText = SlackRefusal.of(code).orElseThrow() == SlackRefusal.CONTENT;
      String note = Fallback.relayText(card, channelId, code, asText ? textCard(card) : "");
      Fallback.Landed landed =
          fallback.post(
              channelId,
              card.requesterId(),
              to -> {
                if (asText) {
                  return post(to, null, note, null, meta);
                }
                CardRef ref = post(to, null, CardView.fallback(card), card, meta);
                try {
                  post(to, ref.ts(), note, null, PostMetadata.relay(card.incidentId(), note));
                } catch (ApplicationFailure noteFailed) {
                  // The card is there, with its buttons: posting it again elsewhere would copy it.
                  log.warn(
                      "Could not say why {} is here: {}",
                      card.incidentId(),
                      noteFailed.getMessage());
                }
                return ref;
              },
              e.getOriginalMessage());
      log.warn("Card of {}: {}; posted in {} instead", card.incidentId(), code, landed.where());
      return landed.ref();
    }
  }

  @Override
  public void updateCard(CardRef ref, IncidentCard content) {
    try {
      call(
          meters,
          "chat.update",
          () ->
              slack.chatUpdate(
                  m ->
                      m.channel(ref.channel())
                          .ts(ref.ts())
                          .text(CardView.fallback(content))
                          .blocks(CardView.blocks(content))));
    } catch (ApplicationFailure e) {
      // Only the card's last state is relayed: the thread replies tell the steps before it.
      throw content.outcome() == null ? e : relayed(ref, content, textCard(content), e);
    }
  }

  @Override
  public void postUpdate(CardRef ref, IncidentCard content, ThreadUpdate update) {
    if (ref == null) {
      throw ApplicationFailure.newNonRetryableFailure(
          "there is no card to reply under (it could not be posted)", REFUSED);
    }
    String text = ThreadText.render(content, update);
    PostMetadata meta = PostMetadata.reply(content.incidentId(), update.step().name(), text);
    if (attempt.mayHavePostedBefore() && earlier.replied(ref, meta, attempt.firstTriedMillis())) {
      log.info("Reply {} of {} was posted before: adopted", update.step(), content.incidentId());
      return;
    }
    try {
      post(ref.channel(), ref.ts(), text, null, meta);
    } catch (ApplicationFailure e) {
      throw relayed(ref, content, text, e);
    }
  }

  @Override
  public CardRef offerUndo(CardRef card, IncidentCard content, UndoOffer offer) {
    return undo.offer(card, content, offer);
  }

  @Override
  public void updateUndo(CardRef message, IncidentCard content, UndoOffer offer) {
    undo.update(message, offer);
  }

  @Override
  public void tellUser(CardRef ref, String userId, Refusal refusal) {
    String text = RefusalText.render(refusal);
    if (refusal.reason() == Refusal.Reason.NOT_THIS_CARD) {
      // Someone clicked a copy of the card: find it and take its buttons away.
      orphans.strip(ref);
    }
    try {
      call(
          meters,
          "chat.postEphemeral",
          () -> slack.chatPostEphemeral(m -> m.channel(ref.channel()).user(userId).text(text)));
    } catch (ApplicationFailure e) {
      String code = SlackRefusal.code(e).orElseThrow(() -> e);
      if (SlackRefusal.of(code).orElseThrow() == SlackRefusal.CANNOT_POST) {
        throw e;
      }
      String told;
      try {
        post(fallback.openDirectMessage(List.of(userId)), null, text, null, null);
        told = "; told " + userId + " by direct message instead";
      } catch (ApplicationFailure dmFailed) {
        if (!dmFailed.isNonRetryable()) {
          throw dmFailed;
        }
        told = "; the direct message failed too: " + dmFailed.getOriginalMessage();
      }
      throw ApplicationFailure.newNonRetryableFailure(e.getOriginalMessage() + told, REFUSED, code);
    }
  }

  /**
   * What a permanent refusal of a card update or reply becomes: relayed to the fallback place (a
   * revoked token relays nothing), then a non-retryable failure saying where it went, for the
   * timeline. A retryable failure is returned as it is.
   */
  private ApplicationFailure relayed(
      CardRef ref, IncidentCard card, String body, ApplicationFailure e) {
    Optional<String> code = SlackRefusal.code(e);
    if (code.isEmpty()) {
      return e;
    }
    if (SlackRefusal.of(code.get()).orElseThrow() == SlackRefusal.CANNOT_POST) {
      log.error(
          "Slack refuses Greenlight's token ({}): {} not told", code.get(), card.incidentId());
      return e;
    }
    String text = Fallback.relayText(card, ref.channel(), code.get(), body);
    PostMetadata meta = PostMetadata.relay(card.incidentId(), text);
    Fallback.Landed landed =
        fallback.post(
            ref.channel(),
            card.requesterId(),
            to -> post(to, null, text, null, meta),
            e.getOriginalMessage());
    return ApplicationFailure.newNonRetryableFailure(
        e.getOriginalMessage() + "; told " + landed.where() + " instead", REFUSED, code.get());
  }

  /** The card as plain text, for a place that cannot show its blocks. */
  private static String textCard(IncidentCard card) {
    String outcome = card.outcome() == null ? "" : "\n" + CardView.outcome(card);
    return SlackText.fit(CardView.fallback(card) + outcome, SlackText.SECTION_TEXT);
  }

  /** Posts a message (the card's blocks when {@code card} is set) and says where it landed. */
  private CardRef post(
      String channel, String threadTs, String text, IncidentCard card, PostMetadata meta) {
    var r =
        call(
            meters,
            "chat.postMessage",
            () ->
                slack.chatPostMessage(
                    m -> {
                      m.channel(channel).threadTs(threadTs).text(text);
                      if (card != null) {
                        m.blocks(CardView.blocks(card));
                      }
                      if (meta != null) {
                        m.metadata(meta.toSlack());
                      }
                      return m;
                    }));
    return new CardRef(r.getChannel(), r.getTs());
  }
}
