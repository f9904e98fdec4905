package dev.greenlight.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.greenlight.config.HttpAction;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code http} action classifies every failure: 3xx and 4xx are permanent, 5xx, I/O errors and
 * timeouts retryable; messages name the runbook and status, never the URL's query.
 */
class HttpActionErrorClassificationTest {
  private static final String SECRET = "s3cr3t-token";

  private final MockWebServer server = new MockWebServer();
  private final HttpActionExecutor executor = new HttpActionExecutor(new OkHttpClient());
  private final ActionContext context = EchoKind.context("restart-oom-pods", new ArrayList<>());
  private HttpAction action;

  @BeforeEach
  void start() throws Exception {
    server.start();
    action = action(Duration.ofSeconds(5));
  }

  @AfterEach
  void stop() throws Exception {
    server.shutdown();
  }

  private HttpAction action(Duration timeout) {
    return new HttpAction(
        "POST",
        server.url("/").toString() + "restart?service={service}&token=" + SECRET,
        "",
        Map.of(),
        timeout);
  }

  private ActionFailure failureOf(HttpAction action) {
    ActionFailure failure =
        catchThrowableOfType(() -> executor.run(action, context), ActionFailure.class);
    assertThat(failure).as("the action failed").isNotNull();
    assertThat(failure.getMessage()).contains("restart-oom-pods").doesNotContain(SECRET);
    return failure;
  }

  @Test
  void clientErrorIsAPermanentRefusal() {
    server.enqueue(new MockResponse().setResponseCode(403));

    ActionFailure failure = failureOf(action);

    assertThat(failure.reason()).isEqualTo(ActionFailure.Reason.REFUSED);
    assertThat(failure.permanent()).isTrue();
    assertThat(failure.getMessage()).contains("HTTP 403");
  }

  @Test
  void redirectThatCannotBeFollowedIsAPermanentRefusal() {
    // Without a Location header OkHttp hands the 3xx back: the catalog points at the wrong place.
    server.enqueue(new MockResponse().setResponseCode(307));

    ActionFailure failure = failureOf(action);

    assertThat(failure.permanent()).isTrue();
    assertThat(failure.getMessage()).contains("HTTP 307");
  }

  @Test
  void serverErrorIsRetryable() {
    server.enqueue(new MockResponse().setResponseCode(503));

    ActionFailure failure = failureOf(action);

    assertThat(failure.reason()).isEqualTo(ActionFailure.Reason.TARGET_ERROR);
    assertThat(failure.retryable()).isTrue();
    assertThat(failure.getMessage()).contains("HTTP 503");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void unreachableTargetIsRetryable() throws Exception {
    HttpAction unreachable = action;
    // Nothing listens on the port once the server is shut down, so the connection is refused.
    server.shutdown();

    ActionFailure failure = failureOf(unreachable);

    assertThat(failure.reason()).isEqualTo(ActionFailure.Reason.UNREACHABLE);
    assertThat(failure.retryable()).isTrue();
    assertThat(failure.getCause()).isInstanceOf(IOException.class);
  }

  @Test
  void noAnswerWithinThePerActionTimeoutIsRetryable() {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));

    long t0 = System.nanoTime();
    ActionFailure failure = failureOf(action(Duration.ofMillis(300)));

    assertThat(failure.reason()).isEqualTo(ActionFailure.Reason.UNREACHABLE);
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(4));
  }
}
