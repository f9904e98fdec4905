package dev.greenlight.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A rate limit is HTTP 429 with Retry-After and {@code "error":"ratelimited"}. The SDK's
 * synchronous client neither waits nor retries: it throws, and the caller must honour Retry-After.
 */
class RateLimitFaultTest {

  private final BoltHarness bolt = new BoltHarness();
  private final MethodsClient client = bolt.client();

  @AfterEach
  void stop() {
    bolt.close();
  }

  @Test
  void aRateLimitedCallGets429WithRetryAfterAndIsNotStored() throws Exception {
    bolt.server.faults().rateLimit("chat.postMessage", 7, 1);

    SlackApiException limited =
        catchThrowableOfType(
            () -> client.chatPostMessage(r -> r.channel("C0OPS").text("x")),
            SlackApiException.class);

    assertThat(limited.getResponse().code()).isEqualTo(429);
    assertThat(limited.getResponse().header("Retry-After")).isEqualTo("7");
    assertThat(limited.getError().getError()).isEqualTo("ratelimited");
    assertThat(bolt.server.calls("chat.postMessage")).hasSize(1);
    assertThat(bolt.server.messages("C0OPS")).isEmpty();
    assertThat(client.chatPostMessage(r -> r.channel("C0OPS").text("y")).isOk()).isTrue();
    assertThat(bolt.server.faults().injected("chat.postMessage")).hasSize(1);
  }
}
