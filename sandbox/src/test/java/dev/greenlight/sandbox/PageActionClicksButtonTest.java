package dev.greenlight.sandbox;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.asBlocks;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.asElements;
import static com.slack.api.model.block.element.BlockElements.button;
import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PageActionClicksButtonTest {

  private final BoltHarness bolt = new BoltHarness(SlackServer.builder().demoWorkspace().start());
  private final PageClient page = new PageClient(bolt.server);
  private final CompletableFuture<BlockActionPayload> clicked = new CompletableFuture<>();

  @BeforeEach
  void start() throws Exception {
    bolt.app.blockAction(
        "approve",
        (req, ctx) -> {
          clicked.complete(req.getPayload());
          return ctx.ack();
        });
    bolt.startAndAwaitConnection();
  }

  @AfterEach
  void stop() {
    bolt.close();
  }

  @Test
  void clickingAButtonOfAStoredMessageReachesTheHandler() throws Exception {
    String ts =
        bolt.client()
            .chatPostMessage(
                r ->
                    r.channel("C0INCIDENTS")
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
                                                            .style("primary")
                                                            .value("req-1")
                                                            .text(plainText("Approve")))))))))
            .getTs();

    var r =
        page.post(
            "/sandbox/action",
            Map.of("user", "U0BOB", "channel", "C0INCIDENTS", "ts", ts, "actionId", "approve"));
    assertThat(r.path("ok").asBoolean()).isTrue();

    BlockActionPayload payload = clicked.get(10, TimeUnit.SECONDS);
    assertThat(payload.getUser().getId()).isEqualTo("U0BOB");
    assertThat(payload.getActions().get(0).getValue()).isEqualTo("req-1");
    assertThat(payload.getContainer().getMessageTs()).isEqualTo(ts);

    var missing =
        page.post(
            "/sandbox/action",
            Map.of("user", "U0BOB", "channel", "C0INCIDENTS", "ts", ts, "actionId", "nope"));
    assertThat(missing.path("ok").asBoolean()).isFalse();
    assertThat(missing.path("error").asText()).isEqualTo("no_such_action");
  }
}
