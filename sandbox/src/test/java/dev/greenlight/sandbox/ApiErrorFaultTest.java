package dev.greenlight.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A Slack error per method: HTTP 200 with ok=false, through the real Slack SDK client. */
class ApiErrorFaultTest {

  private final BoltHarness bolt = new BoltHarness();
  private final MethodsClient client = bolt.client();

  @AfterEach
  void stop() {
    bolt.close();
  }

  @Test
  void aFailedMethodAnswersTheSlackErrorAndLeavesTheMessageAlone() throws Exception {
    String ts = client.chatPostMessage(r -> r.channel("C0OPS").text("card")).getTs();
    bolt.server.faults().failMethod("chat.update", "channel_not_found");

    ChatUpdateResponse refused = client.chatUpdate(r -> r.channel("C0OPS").ts(ts).text("approved"));

    assertThat(refused.isOk()).isFalse();
    assertThat(refused.getError()).isEqualTo("channel_not_found");
    assertThat(bolt.server.message("C0OPS", ts))
        .hasValueSatisfying(m -> assertThat(m.text()).isEqualTo("card"));
    assertThat(bolt.server.calls("chat.update")).hasSize(1);
    assertThat(bolt.server.faults().injected("chat.update"))
        .singleElement()
        .satisfies(f -> assertThat(f.kind()).isEqualTo(Faults.Kind.API_ERROR));
    // Other methods are untouched, and clearing the fault lets the method through again.
    assertThat(client.chatPostMessage(r -> r.channel("C0OPS").text("other")).isOk()).isTrue();
    bolt.server.faults().clear();
    assertThat(client.chatUpdate(r -> r.channel("C0OPS").ts(ts).text("approved")).isOk()).isTrue();
    assertThat(bolt.server.message("C0OPS", ts).orElseThrow().text()).isEqualTo("approved");
  }

  @Test
  void aCountedFaultAnswersOnlyThatManyCalls() throws Exception {
    bolt.server.faults().failMethodTimes("chat.postMessage", "not_in_channel", 2);

    assertThat(client.chatPostMessage(r -> r.channel("C0OPS").text("1")).getError())
        .isEqualTo("not_in_channel");
    assertThat(client.chatPostMessage(r -> r.channel("C0OPS").text("2")).getError())
        .isEqualTo("not_in_channel");
    assertThat(client.chatPostMessage(r -> r.channel("C0OPS").text("3")).isOk()).isTrue();
    assertThat(bolt.server.messages("C0OPS")).extracting(Message::text).containsExactly("3");
  }

  @Test
  void aTimedFaultEndsOnItsOwn() throws Exception {
    bolt.server.faults().failMethodFor("chat.postMessage", "token_revoked", Duration.ofMillis(300));

    assertThat(client.chatPostMessage(r -> r.channel("C0OPS").text("1")).getError())
        .isEqualTo("token_revoked");
    Thread.sleep(400);
    assertThat(client.chatPostMessage(r -> r.channel("C0OPS").text("2")).isOk()).isTrue();
  }
}
