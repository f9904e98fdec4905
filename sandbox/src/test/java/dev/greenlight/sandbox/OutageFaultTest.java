package dev.greenlight.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An outage is a 5xx without a Web API body; the SDK client throws and nothing is stored. */
class OutageFaultTest {

  private final BoltHarness bolt = new BoltHarness();
  private final MethodsClient client = bolt.client();

  @AfterEach
  void stop() {
    bolt.close();
  }

  @Test
  void anOutageAnswers503UntilItEnds() throws Exception {
    bolt.server.faults().failMethodFor("chat.postMessage", 503, Duration.ofMillis(500));

    SlackApiException down =
        catchThrowableOfType(
            () -> client.chatPostMessage(r -> r.channel("C0OPS").text("during")),
            SlackApiException.class);

    assertThat(down.getResponse().code()).isEqualTo(503);
    assertThat(bolt.server.messages("C0OPS")).isEmpty();
    assertThat(bolt.server.calls("chat.postMessage")).hasSize(1);
    Thread.sleep(600);
    assertThat(client.chatPostMessage(r -> r.channel("C0OPS").text("after")).isOk()).isTrue();
    assertThat(bolt.server.messages("C0OPS")).extracting(Message::text).containsExactly("after");
  }

  @Test
  void onlyServerErrorsAreOutages() {
    assertThat(
            catchThrowableOfType(
                () ->
                    bolt.server
                        .faults()
                        .failMethodFor("chat.postMessage", 404, Duration.ofSeconds(1)),
                IllegalArgumentException.class))
        .hasMessageContaining("5xx");
  }
}
