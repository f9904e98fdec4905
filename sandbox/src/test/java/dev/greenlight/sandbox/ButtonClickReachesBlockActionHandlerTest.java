package dev.greenlight.sandbox;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.asBlocks;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.asElements;
import static com.slack.api.model.block.element.BlockElements.button;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ButtonClickReachesBlockActionHandlerTest {

  private BoltHarness bolt;
  private final CompletableFuture<BlockActionPayload> clicked = new CompletableFuture<>();

  @BeforeEach
  void start() throws Exception {
    bolt = new BoltHarness();
    bolt.app.blockAction(
        "approve",
        (req, ctx) -> {
          clicked.complete(req.getPayload());
          return ctx.ack();
        });
    bolt.startAndAwaitConnection();
  }

  @AfterEach
  void stop() throws Exception {
    bolt.close();
  }

  @Test
  void clickCarriesButtonValueUserAndContainer() throws Exception {
    ChatPostMessageResponse posted = postApprovalRequest();
    Message message = bolt.server.message("C0OPS", posted.getTs()).orElseThrow();

    SentEnvelope sent = bolt.server.clickButton("U0ALICE", message, "approve");
    Ack ack = sent.ack().get(10, TimeUnit.SECONDS);

    assertThat(sent.type()).isEqualTo("interactive");
    assertThat(ack.payload()).isNull();
    BlockActionPayload payload = clicked.get(1, TimeUnit.SECONDS);
    assertThat(payload.getUser().getId()).isEqualTo("U0ALICE");
    assertThat(payload.getTeam().getId()).isEqualTo("T0SANDBOX");
    assertThat(payload.getChannel().getId()).isEqualTo("C0OPS");
    assertThat(payload.getContainer().getMessageTs()).isEqualTo(posted.getTs());
    assertThat(payload.getContainer().getChannelId()).isEqualTo("C0OPS");
    assertThat(payload.getActions())
        .singleElement()
        .satisfies(
            action -> {
              assertThat(action.getActionId()).isEqualTo("approve");
              assertThat(action.getValue()).isEqualTo("run-42");
              assertThat(action.getBlockId()).isEqualTo("decision");
              assertThat(action.getStyle()).isEqualTo("primary");
              assertThat(action.getText().getText()).isEqualTo("Approve");
            });
    assertThat(payload.getMessage().getTs()).isEqualTo(posted.getTs());
    assertThat(payload.getMessage().getBlocks()).hasSize(2);
    assertThat(payload.getResponseUrl()).startsWith("http://127.0.0.1:");
  }

  @Test
  void clickingAMissingButtonNamesTheActionId() throws Exception {
    ChatPostMessageResponse posted = postApprovalRequest();
    Message message = bolt.server.message("C0OPS", posted.getTs()).orElseThrow();

    assertThatThrownBy(() -> bolt.server.clickButton("U0ALICE", message, "launch_missiles"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("launch_missiles");
  }

  private ChatPostMessageResponse postApprovalRequest() throws Exception {
    ChatPostMessageResponse posted =
        bolt.client()
            .chatPostMessage(
                r ->
                    r.channel("C0OPS")
                        .text("Approve restart?")
                        .blocks(
                            asBlocks(
                                section(s -> s.text(markdownText("*Restart api?*"))),
                                actions(
                                    a ->
                                        a.blockId("decision")
                                            .elements(
                                                asElements(
                                                    button(
                                                        b ->
                                                            b.actionId("approve")
                                                                .value("run-42")
                                                                .style("primary")
                                                                .text(plainText("Approve"))),
                                                    button(
                                                        b ->
                                                            b.actionId("deny")
                                                                .value("run-42")
                                                                .style("danger")
                                                                .text(plainText("Deny")))))))));
    assertThat(posted.isOk()).isTrue();
    return posted;
  }
}
