package dev.greenlight.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.api.CardRef;
import dev.greenlight.api.Principal;
import dev.greenlight.api.Refusal;
import dev.greenlight.telemetry.Meters;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every Web API call is counted by method and error, 429s included, through the real client. */
class SlackCallMetricsTest {
  final MockWebServer server = new MockWebServer();
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final CardRef ref = new CardRef("C1", "1.0");

  final java.util.Deque<MockResponse> answers = new java.util.concurrent.ConcurrentLinkedDeque<>();

  SlackCallMetricsTest() {
    // Only the calls under test take an answer from the queue; anything else the client sends
    // first (its own bookkeeping) is answered ok.
    server.setDispatcher(
        new okhttp3.mockwebserver.Dispatcher() {
          @Override
          public MockResponse dispatch(okhttp3.mockwebserver.RecordedRequest request) {
            String path = request.getPath();
            if (path.contains("chat.postEphemeral") || path.contains("usergroups.users.list")) {
              MockResponse next = answers.poll();
              if (next != null) {
                return next;
              }
            }
            return json(200, "{\"ok\":true}");
          }
        });
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  SlackNotifier notifier() {
    return new SlackNotifier(
        GreenlightApp.slack(server.url("/api/").toString()).methods("xoxb-test"), meters);
  }

  double calls(String method, String error) {
    return meters.get(Meters.SLACK_CALLS).tags("method", method, "error", error).counter().count();
  }

  @Test
  void successesErrorsAndRateLimitsAreCountedApart() {
    answers.add(json(200, "{\"ok\":true}"));
    answers.add(json(200, "{\"ok\":false,\"error\":\"channel_not_found\"}"));
    answers.add(
        json(429, "{\"ok\":false,\"error\":\"ratelimited\"}").setHeader("Retry-After", "1"));
    SlackNotifier n = notifier();
    Refusal refusal = new Refusal(Refusal.Reason.NOT_AN_APPROVER, List.of());

    n.tellUser(ref, "U1", refusal);
    assertThatThrownBy(() -> n.tellUser(ref, "U1", refusal))
        .isInstanceOf(ApplicationFailure.class)
        .hasMessageContaining("channel_not_found");
    assertThatThrownBy(() -> n.tellUser(ref, "U1", refusal)).isInstanceOf(ApplicationFailure.class);

    assertThat(calls("chat.postEphemeral", "none")).isEqualTo(1);
    assertThat(calls("chat.postEphemeral", "channel_not_found")).isEqualTo(1);
    assertThat(calls("chat.postEphemeral", "ratelimited")).isEqualTo(1);
    assertThat(
            meters
                .get(Meters.SLACK_CALL_DURATION)
                .tags("method", "chat.postEphemeral", "error", "none")
                .timer()
                .count())
        .isEqualTo(1);
  }

  @Test
  void theDirectorysCallsAreCountedToo() {
    answers.add(json(200, "{\"ok\":true,\"users\":[\"U1\"]}"));
    SlackDirectory directory =
        new SlackDirectory(
            GreenlightApp.slack(server.url("/api/").toString()).methods("xoxb-test"), meters);

    assertThat(directory.resolveApprovers(List.of(Principal.of("S0SRE")))).containsExactly("U1");
    assertThat(calls("usergroups.users.list", "none")).isEqualTo(1);
  }

  private static MockResponse json(int status, String body) {
    return new MockResponse()
        .setResponseCode(status)
        .setHeader("Content-Type", "application/json")
        .setBody(body);
  }
}
