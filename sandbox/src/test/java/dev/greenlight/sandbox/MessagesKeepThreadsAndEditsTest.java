package dev.greenlight.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MessagesKeepThreadsAndEditsTest {

  private BoltHarness bolt;

  @BeforeEach
  void start() {
    bolt = new BoltHarness();
  }

  @AfterEach
  void stop() throws Exception {
    bolt.close();
  }

  @Test
  void postedRepliedAndUpdatedMessagesAreVisible() throws Exception {
    MethodsClient client = bolt.client();

    ChatPostMessageResponse parent =
        client.chatPostMessage(r -> r.channel("C0OPS").text("Incident opened"));
    ChatPostMessageResponse reply =
        client.chatPostMessage(
            r -> r.channel("C0OPS").threadTs(parent.getTs()).text("Step 1 done"));
    ChatUpdateResponse update =
        client.chatUpdate(r -> r.channel("C0OPS").ts(parent.getTs()).text("Incident resolved"));

    assertThat(parent.isOk()).isTrue();
    assertThat(parent.getMessage().getUser()).isEqualTo("U0GREENBOT");
    assertThat(parent.getMessage().getBotId()).isEqualTo("B0GREENBOT");
    assertThat(reply.isOk()).isTrue();
    assertThat(reply.getTs()).isGreaterThan(parent.getTs());
    assertThat(update.isOk()).isTrue();
    assertThat(update.getText()).isEqualTo("Incident resolved");

    assertThat(bolt.server.messages("C0OPS"))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.ts()).isEqualTo(parent.getTs());
              assertThat(m.text()).isEqualTo("Incident resolved");
              assertThat(m.editCount()).isEqualTo(1);
              assertThat(m.threadTs()).isNull();
            });
    assertThat(bolt.server.replies("C0OPS", parent.getTs()))
        .extracting(Message::text, Message::threadTs, Message::editCount)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Step 1 done", parent.getTs(), 0));
    assertThat(bolt.server.message("C0OPS", reply.getTs())).isPresent();
    assertThat(bolt.server.calls("chat.postMessage"))
        .hasSize(2)
        .allSatisfy(call -> assertThat(call.params()).containsEntry("channel", "C0OPS"));
  }

  @Test
  void updatingAnUnknownMessageFails() throws Exception {
    ChatUpdateResponse update =
        bolt.client().chatUpdate(r -> r.channel("C0OPS").ts("1.000100").text("nope"));

    assertThat(update.isOk()).isFalse();
    assertThat(update.getError()).isEqualTo("message_not_found");
  }

  @Test
  void postingWithoutTextOrBlocksFails() throws Exception {
    assertThat(bolt.client().chatPostMessage(r -> r.channel("C0OPS")).getError())
        .isEqualTo("no_text");
    assertThat(bolt.client().chatPostMessage(r -> r.text("hi")).getError())
        .isEqualTo("channel_not_found");
  }
}
