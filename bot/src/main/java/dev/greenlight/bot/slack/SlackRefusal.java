package dev.greenlight.bot.slack;

import io.temporal.failure.ApplicationFailure;
import java.util.Optional;
import java.util.Set;

/**
 * What a permanent Slack error means for telling people: the token cannot post at all, the place
 * (channel) is gone or closed to the bot, or Slack refused the content. Each calls for a different
 * fallback.
 */
enum SlackRefusal {
  /** The token is revoked, its account deactivated, or it lacks a scope: no post can succeed. */
  CANNOT_POST(
      Set.of("token_revoked", "account_inactive", "invalid_auth", "not_authed", "missing_scope")),
  /** The channel is gone, archived, or the bot is not in it: another place may work. */
  PLACE(Set.of("channel_not_found", "not_in_channel", "is_archived", "thread_not_found")),
  /** Slack refused the message itself (its blocks or length): a plainer message may work. */
  CONTENT(Set.of("invalid_blocks", "msg_too_long")),
  /** Any other permanent error (a deleted user group, …). */
  OTHER(Set.of("no_such_subteam"));

  private final Set<String> errors;

  SlackRefusal(Set<String> errors) {
    this.errors = errors;
  }

  /** Whether Slack's error {@code code} is permanent: no retry can fix it. */
  static boolean permanent(String code) {
    return of(code).isPresent();
  }

  static Optional<SlackRefusal> of(String code) {
    for (SlackRefusal r : values()) {
      if (r.errors.contains(code)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /** Slack's error code carried by a permanent failure from {@link SlackCalls#call}, if any. */
  static Optional<String> code(RuntimeException e) {
    if (e instanceof ApplicationFailure af
        && af.isNonRetryable()
        && SlackCalls.REFUSED.equals(af.getType())
        && af.getDetails().getSize() > 0) {
      return Optional.ofNullable(af.getDetails().get(0, String.class, String.class));
    }
    return Optional.empty();
  }
}
