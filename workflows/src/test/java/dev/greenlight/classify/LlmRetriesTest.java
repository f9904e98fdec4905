package dev.greenlight.classify;

import static dev.greenlight.classify.LlmReplies.KEY;
import static dev.greenlight.classify.LlmReplies.answer;
import static dev.greenlight.classify.LlmReplies.error;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.classify.ClassifierException.Kind;
import java.time.Duration;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The LLM classifier's bounded retries: Retry-After, backoff, the retry budget, and which HTTP
 * failures are worth another attempt.
 */
class LlmRetriesTest extends LlmFixture {

  @Test
  void rateLimitHonoursRetryAfterThenSucceeds() throws Exception {
    server.enqueue(
        error(429, "rate_limit_exceeded", "Rate limit reached for gpt-4o-mini")
            .setHeader("Retry-After", "2"));
    server.enqueue(answer("stale-cache", 0.9, "Old prices served."));

    Verdict v = llm.classify("web-frontend", "users see old prices");

    assertThat(v.label()).isEqualTo("stale-cache");
    assertThat(sleeps).containsExactly(Duration.ofSeconds(2));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void retryAfterBeyondTheBudgetGivesUpWithoutWaiting() {
    server.enqueue(
        error(429, "rate_limit_exceeded", "Rate limit reached").setHeader("Retry-After", "120"));

    ClassifierException e = failure();

    assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(e.getMessage()).contains("retry budget");
    assertThat(sleeps).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void serverErrorsAreRetriedWithBackoffUpToMaxAttempts() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(error(503, "server_error", "The server is overloaded"));
    }

    ClassifierException e = failure();

    assertThat(e.kind()).isEqualTo(Kind.SERVER_ERROR);
    assertThat(e.getMessage()).contains("503", "overloaded");
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(sleeps).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
  }

  @Test
  void serverErrorThenSuccessRecovers() throws Exception {
    server.enqueue(error(500, "server_error", "internal error"));
    server.enqueue(answer("bad-deploy", 0.85, "Errors began at the rollout."));

    assertThat(llm.classify("search-api", "5xx since the release").label()).isEqualTo("bad-deploy");
  }

  @Test
  void timeoutIsRetriedThenReported() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    }

    ClassifierException e = failure();

    assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @ParameterizedTest(name = "HTTP {0} is not retried")
  @ValueSource(ints = {400, 401, 403, 404})
  void clientErrorsAreNotRetriedAndNeverEchoTheKey(int code) {
    server.enqueue(error(code, "invalid_request_error", "Incorrect API key provided: " + KEY));

    ClassifierException e = failure();

    assertThat(e.kind()).isEqualTo(Kind.CLIENT_ERROR);
    assertThat(e.retryable()).isFalse();
    assertThat(e.getMessage()).contains(String.valueOf(code)).contains("***");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }
}
