package dev.greenlight.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import dev.greenlight.sandbox.SlackServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The notifications' Web API client reads what the SDK's own client reads, against the sandbox's
 * Slack at the wire: the post, its edit and a private note, Slack's {@code ok: false} errors, and a
 * 429 with its {@code Retry-After}.
 */
class OneGsonMethodsClientTest {
  private final SlackServer slack = SlackServer.start();
  private final MethodsClient ours =
      GreenlightApp.notificationMethods(slack.apiUrl(), slack.botToken());
  private final MethodsClient sdks =
      GreenlightApp.notificationSlack(slack.apiUrl()).methods(slack.botToken());

  @AfterEach
  void stop() {
    slack.close();
  }

  @Test
  void aPostItsEditAndAPrivateNoteReadAsTheSdkReadsThem() throws Exception {
    ChatPostMessageResponse mine = ours.chatPostMessage(r -> r.channel("C0OPS").text("card *1*"));
    ChatPostMessageResponse theirs = sdks.chatPostMessage(r -> r.channel("C0OPS").text("card *2*"));

    assertThat(ours).isInstanceOf(OneGsonMethodsClient.class);
    assertThat(mine.isOk()).isTrue();
    assertThat(mine.getChannel()).isEqualTo(theirs.getChannel()).isEqualTo("C0OPS");
    assertThat(mine.getTs()).isNotBlank().isNotEqualTo(theirs.getTs());
    assertThat(mine.getMessage().getText()).isEqualTo("card *1*");
    assertThat(mine.getHttpResponseHeaders()).containsKey("content-type");

    var edit = ours.chatUpdate(r -> r.channel("C0OPS").ts(mine.getTs()).text("card, decided"));
    assertThat(edit.isOk()).as(edit.getError()).isTrue();
    assertThat(slack.messages("C0OPS").get(0).text()).isEqualTo("card, decided");

    var note = ours.chatPostEphemeral(r -> r.channel("C0OPS").user("U0ALICE").text("not yours"));
    assertThat(note.isOk()).as(note.getError()).isTrue();
    assertThat(note.getMessageTs()).isNotBlank();
  }

  @Test
  void slacksErrorsAndRateLimitsReachTheCallerAsFromTheSdk() throws Exception {
    slack.faults().failMethod("chat.postMessage", "channel_not_found");
    ChatPostMessageResponse refused = ours.chatPostMessage(r -> r.channel("C0GONE").text("x"));
    assertThat(refused.isOk()).isFalse();
    assertThat(refused.getError())
        .isEqualTo(sdks.chatPostMessage(r -> r.channel("C0GONE").text("x")).getError())
        .isEqualTo("channel_not_found");
    slack.faults().clear().rateLimit("chat.update", 7, 1);

    SlackApiException limited =
        catchThrowableOfType(
            () -> ours.chatUpdate(r -> r.channel("C0OPS").ts("1.2").text("x")),
            SlackApiException.class);

    assertThat(limited.getResponse().code()).isEqualTo(429);
    assertThat(limited.getResponse().header("Retry-After")).isEqualTo("7");
  }
}
