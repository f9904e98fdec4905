package dev.greenlight.bot.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import dev.greenlight.activities.NotificationActivities;
import dev.greenlight.api.CardRef;
import dev.greenlight.api.IncidentCard;
import dev.greenlight.api.Refusal;
import dev.greenlight.api.ThreadUpdate;
import dev.greenlight.telemetry.Meters;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;

/** Posts and updates incident cards and thread replies through Slack's Web API. */
public final class SlackNotifier implements NotificationActivities {
  /** Errors that no retry can fix. */
  private static final Set<String> PERMANENT =
      Set.of(
          "invalid_auth",
          "not_authed",
          "account_inactive",
          "token_revoked",
          "channel_not_found",
          "no_such_subteam",
          "not_in_channel",
          "is_archived",
          "invalid_blocks",
          "msg_too_long",
          "missing_scope");

  private final MethodsClient slack;
  private final MeterRegistry meters;

  /** Counts its Web API calls into {@link Meters#global()}. */
  public SlackNotifier(MethodsClient slack) {
    this(slack, Meters.global());
  }

  /** Counts each Web API call by method and error into {@code meters}. */
  public SlackNotifier(MethodsClient slack, MeterRegistry meters) {
    this.slack = slack;
    this.meters = meters;
  }

  @Override
  public CardRef postCard(String channelId, IncidentCard card) {
    ChatPostMessageResponse r =
        call(
            meters,
            "chat.postMessage",
            () ->
                slack.chatPostMessage(
                    m ->
                        m.channel(channelId)
                            .text(CardView.fallback(card))
                            .blocks(CardView.blocks(card))));
    return new CardRef(r.getChannel(), r.getTs());
  }

  @Override
  public void updateCard(CardRef ref, IncidentCard content) {
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
  }

  @Override
  public void postUpdate(CardRef ref, IncidentCard content, ThreadUpdate update) {
    call(
        meters,
        "chat.postMessage",
        () ->
            slack.chatPostMessage(
                m ->
                    m.channel(ref.channel())
                        .threadTs(ref.ts())
                        .text(ThreadText.render(content, update))));
  }

  @Override
  public void tellUser(CardRef ref, String userId, Refusal refusal) {
    call(
        meters,
        "chat.postEphemeral",
        () ->
            slack.chatPostEphemeral(
                m -> m.channel(ref.channel()).user(userId).text(RefusalText.render(refusal))));
  }

  interface SlackCall<T extends SlackApiTextResponse> {
    T run() throws IOException, SlackApiException;
  }

  /**
   * Runs one Web API call and counts it in {@code meters} by method and error ({@code none} when it
   * succeeded, Slack's error code, {@code ratelimited} for HTTP 429, {@code http_<status>} or
   * {@code io_error}).
   */
  static <T extends SlackApiTextResponse> T call(
      MeterRegistry meters, String method, SlackCall<T> c) {
    T r;
    long t0 = System.nanoTime();
    try {
      r = c.run();
    } catch (IOException | SlackApiException e) {
      count(meters, method, error(e), t0);
      throw unavailable(method, e);
    }
    count(meters, method, r.isOk() ? "none" : r.getError(), t0);
    if (!r.isOk()) {
      String msg = method + " answered error '" + r.getError() + "'";
      if (PERMANENT.contains(r.getError())) {
        throw ApplicationFailure.newNonRetryableFailure(msg, "SlackRefused");
      }
      throw ApplicationFailure.newFailure(msg, "SlackError");
    }
    return r;
  }

  private static String error(Exception e) {
    if (e instanceof SlackApiException api && api.getResponse() != null) {
      int status = api.getResponse().code();
      return status == 429 ? "ratelimited" : "http_" + status;
    }
    return "io_error";
  }

  private static void count(MeterRegistry meters, String method, String error, long t0) {
    String tag = error == null ? "unknown" : error;
    meters.counter(Meters.SLACK_CALLS, "method", method, "error", tag).increment();
    Timer.builder(Meters.SLACK_CALL_DURATION)
        .description("Duration of one Slack Web API call")
        .tags("method", method, "error", tag)
        .register(meters)
        .record(System.nanoTime() - t0, java.util.concurrent.TimeUnit.NANOSECONDS);
  }

  /**
   * A failure to reach Slack, retried. A rate limit (HTTP 429, {@code "ratelimited"}) is retried no
   * sooner than Slack's {@code Retry-After} says (at most 5 minutes); anything else on the
   * activity's own schedule.
   */
  static ApplicationFailure unavailable(String method, Exception e) {
    if (e instanceof SlackApiException api
        && api.getResponse() != null
        && api.getResponse().code() == 429) {
      String retryAfter = api.getResponse().header("Retry-After", "");
      long seconds = retryAfter.matches("\\d{1,5}") ? Long.parseLong(retryAfter) : 1;
      return ApplicationFailure.newFailureWithCauseAndDelay(
          method + " was rate limited; retrying after " + seconds + " s",
          "SlackRateLimited",
          null,
          Duration.ofSeconds(Math.min(300, Math.max(1, seconds))));
    }
    return ApplicationFailure.newFailure(method + " failed: " + e.getMessage(), "SlackUnavailable");
  }
}
