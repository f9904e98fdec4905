package dev.greenlight.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.slack.api.methods.MethodsClient;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A lost reply: the message is stored, but the client sees the connection close unanswered. */
class LostReplyFaultTest {

  private final BoltHarness bolt = new BoltHarness();
  private final MethodsClient client = bolt.client();

  @AfterEach
  void stop() {
    bolt.close();
  }

  @Test
  void theMessageIsPostedButTheCallerSeesAnIoError() throws Exception {
    // Two lost replies armed, so that a silent retry by the HTTP client would be lost too and show.
    bolt.server.faults().loseReplyAfterPosting("chat.postMessage", 2);

    Throwable lost =
        catchThrowable(() -> client.chatPostMessage(r -> r.channel("C0OPS").text("card")));

    assertThat(lost).isInstanceOf(IOException.class);
    // The SDK's HTTP client does not retry a POST on its own: one call, one stored message, and
    // the caller cannot tell whether it was posted. Any retry is the caller's, and posts again.
    assertThat(bolt.server.calls("chat.postMessage")).hasSize(1);
    assertThat(bolt.server.messages("C0OPS")).extracting(Message::text).containsExactly("card");
    assertThat(bolt.server.faults().injected("chat.postMessage")).hasSize(1);
  }

  @Test
  void afterTheLostRepliesCallsAreAnsweredAgain() throws Exception {
    bolt.server.faults().loseReplyAfterPosting("chat.postMessage", 1);
    catchThrowable(() -> client.chatPostMessage(r -> r.channel("C0OPS").text("lost")));
    bolt.server.faults().clear();

    assertThat(client.chatPostMessage(r -> r.channel("C0OPS").text("answered")).isOk()).isTrue();
    assertThat(bolt.server.messages("C0OPS")).extracting(Message::text).contains("answered");
  }
}
