package dev.greenlight.sandbox;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.asBlocks;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.asElements;
import static com.slack.api.model.block.element.BlockElements.button;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.slack.api.methods.response.chat.ChatPostEphemeralResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ResponseUrlAndEphemeralsTest {

  private BoltHarness bolt;

  @BeforeEach
  void start() throws Exception {
    bolt = new BoltHarness();
    bolt.app.command(
        "/whisper",
        (req, ctx) -> {
          ctx.respond("only you can see " + req.getPayload().getText());
          return ctx.ack();
        });
    bolt.app.command(
        "/shout",
        (req, ctx) -> {
          ctx.respond(r -> r.responseType("in_channel").text("everyone sees this"));
          return ctx.ack();
        });
    bolt.app.blockAction(
        "approve",
        (req, ctx) -> {
          ctx.respond(
              r ->
                  r.replaceOriginal(true)
                      .text("Approved by " + req.getPayload().getUser().getId()));
          return ctx.ack();
        });
    bolt.startAndAwaitConnection();
  }

  @AfterEach
  void stop() throws Exception {
    bolt.close();
  }

  @Test
  void chatPostEphemeralIsStoredForTheUser() throws Exception {
    ChatPostEphemeralResponse response =
        bolt.client().chatPostEphemeral(r -> r.channel("C0OPS").user("U0ALICE").text("psst"));

    assertThat(response.isOk()).isTrue();
    assertThat(response.getMessageTs()).isNotBlank();
    assertThat(bolt.server.ephemerals("U0ALICE")).extracting(Message::text).containsExactly("psst");
    assertThat(bolt.server.ephemerals("U0BOB")).isEmpty();
    assertThat(bolt.server.messages("C0OPS")).isEmpty();
  }

  @Test
  void respondDefaultsToEphemeral() throws Exception {
    bolt.server
        .sendSlashCommand("U0ALICE", "C0OPS", "/whisper", "this")
        .ack()
        .get(10, TimeUnit.SECONDS);

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(bolt.server.ephemerals("U0ALICE"))
                    .extracting(Message::text, Message::channel)
                    .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("only you can see this", "C0OPS")));
    assertThat(bolt.server.messages("C0OPS")).isEmpty();
  }

  @Test
  void respondInChannelPostsAMessage() throws Exception {
    bolt.server.sendSlashCommand("U0ALICE", "C0OPS", "/shout", "").ack().get(10, TimeUnit.SECONDS);

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(bolt.server.messages("C0OPS"))
                    .extracting(Message::text)
                    .containsExactly("everyone sees this"));
  }

  @Test
  void respondReplaceOriginalEditsTheClickedMessage() throws Exception {
    ChatPostMessageResponse posted =
        bolt.client()
            .chatPostMessage(
                r ->
                    r.channel("C0OPS")
                        .text("Approve?")
                        .blocks(
                            asBlocks(
                                actions(
                                    a ->
                                        a.elements(
                                            asElements(
                                                button(
                                                    b ->
                                                        b.actionId("approve")
                                                            .value("yes")
                                                            .text(plainText("Approve")))))))));
    Message original = bolt.server.message("C0OPS", posted.getTs()).orElseThrow();

    bolt.server.clickButton("U0ALICE", original, "approve").ack().get(10, TimeUnit.SECONDS);

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(bolt.server.message("C0OPS", posted.getTs()))
                    .get()
                    .satisfies(
                        m -> {
                          assertThat(m.text()).isEqualTo("Approved by U0ALICE");
                          assertThat(m.editCount()).isEqualTo(1);
                        }));
    assertThat(bolt.server.messages("C0OPS")).hasSize(1);
  }
}
