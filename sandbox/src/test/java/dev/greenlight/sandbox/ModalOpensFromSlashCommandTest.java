package dev.greenlight.sandbox;

import static com.slack.api.model.block.Blocks.asBlocks;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewTitle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.slack.api.methods.response.views.ViewsOpenResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ModalOpensFromSlashCommandTest {

  private BoltHarness bolt;
  private final CompletableFuture<ViewsOpenResponse> opened = new CompletableFuture<>();

  @BeforeEach
  void start() throws Exception {
    bolt = new BoltHarness();
    bolt.app.command(
        "/greenlight",
        (req, ctx) -> {
          opened.complete(
              ctx.client()
                  .viewsOpen(
                      r ->
                          r.triggerId(req.getPayload().getTriggerId())
                              .view(
                                  view(
                                      v ->
                                          v.type("modal")
                                              .callbackId("confirm_run")
                                              .title(
                                                  viewTitle(
                                                      t -> t.type("plain_text").text("Confirm")))
                                              .blocks(
                                                  asBlocks(
                                                      section(
                                                          s ->
                                                              s.text(
                                                                  markdownText("Run it?")))))))));
          return ctx.ack();
        });
    bolt.startAndAwaitConnection();
  }

  @AfterEach
  void stop() throws Exception {
    bolt.close();
  }

  @Test
  void viewsOpenWithTheCommandsTriggerIdStoresTheModal() throws Exception {
    SentEnvelope sent = bolt.server.sendSlashCommand("U0ALICE", "C0OPS", "/greenlight", "");
    sent.ack().get(10, TimeUnit.SECONDS);

    ViewsOpenResponse response = opened.get(10, TimeUnit.SECONDS);
    assertThat(response.isOk()).isTrue();
    assertThat(response.getView().getId()).startsWith("V");
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(bolt.server.views())
                    .singleElement()
                    .satisfies(
                        v -> {
                          assertThat(v.callbackId()).isEqualTo("confirm_run");
                          assertThat(v.triggerId()).isEqualTo(sent.triggerId());
                          assertThat(v.id()).isEqualTo(response.getView().getId());
                        }));
  }

  @Test
  void theModalIsOpenForTheUserWhoseTriggerOpenedItUntilItIsClosed() throws Exception {
    bolt.server
        .sendSlashCommand("U0ALICE", "C0OPS", "/greenlight", "")
        .ack()
        .get(10, TimeUnit.SECONDS);
    String id = opened.get(10, TimeUnit.SECONDS).getView().getId();
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(bolt.server.openViews("U0ALICE"))
                    .extracting(View::id)
                    .containsExactly(id));
    assertThat(bolt.server.openViews("U0BOB")).isEmpty();

    bolt.server.closeView(id);

    assertThat(bolt.server.openViews("U0ALICE")).isEmpty();
  }
}
