package dev.greenlight.action;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.api.VerificationResult;
import dev.greenlight.config.Probe;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code http} verifier polls the rendered probe and heartbeats after every attempt. */
class HttpVerifierTest {
  private final MockWebServer server = new MockWebServer();
  private final HttpVerifier verifier = new HttpVerifier(new OkHttpClient());
  private final List<String> beats = new CopyOnWriteArrayList<>();
  private final ActionContext context = EchoKind.context("restart-oom-pods", beats);

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() throws Exception {
    server.shutdown();
  }

  private Probe probe(Duration timeout, Duration interval) {
    return new Probe(server.url("/").toString() + "health/{service}", 200, timeout, interval);
  }

  @Test
  void recoversAfterTwoUnavailableAnswersHeartbeatingAfterEachAttempt() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(503));
    server.enqueue(new MockResponse().setResponseCode(503));
    server.enqueue(new MockResponse().setResponseCode(200));

    VerificationResult result =
        verifier.verify(probe(Duration.ofSeconds(5), Duration.ofMillis(10)), context);

    assertThat(result.recovered()).isTrue();
    assertThat(result.lastStatus()).isEqualTo(200);
    assertThat(result.attempts()).isEqualTo(3);
    assertThat(beats).containsExactly("probe attempt 1", "probe attempt 2", "probe attempt 3");
    assertThat(server.getRequestCount()).isEqualTo(3);
    RecordedRequest first = server.takeRequest();
    assertThat(first.getPath()).isEqualTo("/health/checkout-api");
    assertThat(first.getMethod()).isEqualTo("GET");
  }

  @Test
  void givesUpAtTheTimeoutNamingLastAndExpectedStatus() throws Exception {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return new MockResponse().setResponseCode(503);
          }
        });

    VerificationResult result =
        verifier.verify(probe(Duration.ofMillis(200), Duration.ofMillis(20)), context);

    assertThat(result.recovered()).isFalse();
    assertThat(result.lastStatus()).isEqualTo(503);
    assertThat(result.attempts()).isGreaterThan(1).isEqualTo(beats.size());
    assertThat(server.getRequestCount()).isEqualTo(result.attempts());
    assertThat(result.detail()).contains("HTTP 503").contains("expected 200");
  }

  @Test
  void unreachableProbeDoesNotRecoverAndReportsStatusZero() throws Exception {
    Probe probe = probe(Duration.ofMillis(100), Duration.ofMillis(20));
    // Nothing listens on the port once the server is shut down, so every attempt is refused.
    server.shutdown();

    VerificationResult result = verifier.verify(probe, context);

    assertThat(result.recovered()).isFalse();
    assertThat(result.lastStatus()).isZero();
    assertThat(result.attempts()).isPositive().isEqualTo(beats.size());
    assertThat(result.detail()).contains("no answer").contains("expected 200");
  }
}
