package dev.greenlight.bot.slack;

import com.slack.api.methods.MethodsClient;
import dev.greenlight.api.CardRef;
import dev.greenlight.api.IncidentCard;
import dev.greenlight.api.Principal;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where an incident is told when Slack refuses its channel for good: the configured fallback
 * channel, else a direct message to the requester and the on-call person. A revoked token (or a
 * missing scope) leaves no way through Slack: that is said in the log and the timeline only.
 */
final class Fallback {
  private static final Logger log = LoggerFactory.getLogger(Fallback.class);

  private final MethodsClient slack;
  private final MeterRegistry meters;
  private final String fallbackChannel;
  private final String onCall;

  /**
   * @param fallbackChannel the channel ID to use when the incident's channel refuses, or empty
   * @param onCall the on-call person's user ID, told by direct message when there is no fallback
   *     channel (or it refuses too), or empty
   */
  Fallback(MethodsClient slack, MeterRegistry meters, String fallbackChannel, String onCall) {
    this.slack = slack;
    this.meters = meters;
    this.fallbackChannel = fallbackChannel == null ? "" : fallbackChannel.strip();
    this.onCall = onCall == null ? "" : onCall.strip();
  }

  /** A post into one fallback place; answers where it landed. */
  @FunctionalInterface
  interface Post {
    CardRef to(String channel);
  }

  /**
   * Posts into the first fallback place that takes it, never {@code refusedChannel}: the fallback
   * channel, then a direct message to the requester and on-call.
   *
   * @return where it was posted, and a phrase naming it for the timeline
   * @throws ApplicationFailure non-retryable when no place took it ({@code why} says why Slack
   *     refused first); retryable when a place could not be reached for now
   */
  Landed post(String refusedChannel, String requester, Post post, String why) {
    List<String> tried = new ArrayList<>();
    if (!fallbackChannel.isEmpty() && !fallbackChannel.equals(refusedChannel)) {
      Optional<CardRef> there = attempt(() -> post.to(fallbackChannel), tried, fallbackChannel);
      if (there.isPresent()) {
        return new Landed(there.get(), "the fallback channel " + fallbackChannel);
      }
    }
    Set<String> people = new LinkedHashSet<>();
    if (requester != null && Principal.isUserId(requester)) {
      people.add(requester);
    }
    if (!onCall.isEmpty()) {
      people.add(onCall);
    }
    if (!people.isEmpty()) {
      Optional<CardRef> dm =
          attempt(() -> post.to(openDirectMessage(List.copyOf(people))), tried, "a DM");
      if (dm.isPresent()) {
        return new Landed(dm.get(), "a direct message to " + String.join(", ", people));
      }
    }
    String failed = tried.isEmpty() ? "no fallback is configured" : String.join("; ", tried);
    log.error("Nobody could be told through Slack: {}; {}", why, failed);
    throw ApplicationFailure.newNonRetryableFailure(
        why + "; nobody could be told instead (" + failed + ")", SlackCalls.REFUSED);
  }

  /** Where a fallback post landed. */
  record Landed(CardRef ref, String where) {}

  private Optional<CardRef> attempt(
      java.util.function.Supplier<CardRef> post, List<String> tried, String place) {
    try {
      return Optional.of(post.get());
    } catch (ApplicationFailure e) {
      if (!e.isNonRetryable()) {
        throw e;
      }
      tried.add(place + ": " + e.getOriginalMessage());
      return Optional.empty();
    }
  }

  /** Opens (or finds) the direct message with {@code users}; non-retryable when Slack won't. */
  String openDirectMessage(List<String> users) {
    var r =
        SlackCalls.call(
            meters, "conversations.open", () -> slack.conversationsOpen(q -> q.users(users)));
    if (r.getChannel() == null || r.getChannel().getId() == null) {
      throw ApplicationFailure.newNonRetryableFailure(
          "conversations.open answered no channel", SlackCalls.REFUSED);
    }
    return r.getChannel().getId();
  }

  /** The words that stand in for the card when it is relayed elsewhere. */
  static String relayText(IncidentCard card, String refusedChannel, String error, String body) {
    return ":warning: Slack refused Greenlight in <#"
        + refusedChannel
        + "> (`"
        + error
        + "`), so incident "
        + card.incidentId()
        + " is told here.\n"
        + body;
  }
}
