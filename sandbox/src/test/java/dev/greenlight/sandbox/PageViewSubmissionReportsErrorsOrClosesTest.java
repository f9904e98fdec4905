package dev.greenlight.sandbox;

import static com.slack.api.model.block.Blocks.asBlocks;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PageViewSubmissionReportsErrorsOrClosesTest {

  private final BoltHarness bolt = new BoltHarness(SlackServer.builder().demoWorkspace().start());
  private final PageClient page = new PageClient(bolt.server);
  private final CompletableFuture<String> reason = new CompletableFuture<>();

  @BeforeEach
  void start() throws Exception {
    bolt.app.command(
        "/reject",
        (req, ctx) -> {
          ctx.client()
              .viewsOpen(
                  r ->
                      r.triggerId(req.getPayload().getTriggerId())
                          .view(
                              view(
                                  v ->
                                      v.type("modal")
                                          .callbackId("reject_reason")
                                          .title(
                                              viewTitle(t -> t.type("plain_text").text("Reject")))
                                          .submit(
                                              viewSubmit(s -> s.type("plain_text").text("Reject")))
                                          .blocks(
                                              asBlocks(
                                                  input(
                                                      i ->
                                                          i.blockId("reason")
                                                              .label(plainText("Reason"))
                                                              .element(
                                                                  plainTextInput(
                                                                      p ->
                                                                          p.actionId("reason_input")
                                                                              .multiline(
                                                                                  true)))))))));
          return ctx.ack();
        });
    bolt.app.viewSubmission(
        "reject_reason",
        (req, ctx) -> {
          String value =
              req.getPayload()
                  .getView()
                  .getState()
                  .getValues()
                  .get("reason")
                  .get("reason_input")
                  .getValue();
          if (value == null || value.length() < 5) {
            return ctx.ackWithErrors(Map.of("reason", "Please give a reason"));
          }
          reason.complete(value);
          return ctx.ack();
        });
    bolt.startAndAwaitConnection();
  }

  @AfterEach
  void stop() {
    bolt.close();
  }

  @Test
  void errorsAckKeepsTheModalOpenAndPlainAckClosesIt() throws Exception {
    page.post(
        "/sandbox/command", Map.of("user", "U0BOB", "channel", "C0INCIDENTS", "text", "/reject"));
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> assertThat(page.state("U0BOB", "C0INCIDENTS").path("views")).hasSize(1));
    assertThat(page.state("U0ALICE", "C0INCIDENTS").path("views")).isEmpty();
    JsonNode view = page.state("U0BOB", "C0INCIDENTS").path("views").get(0);
    String viewId = view.path("id").asText();
    assertThat(view.path("view").path("callback_id").asText()).isEqualTo("reject_reason");

    JsonNode tooShort =
        page.post(
            "/sandbox/view",
            Map.of(
                "user", "U0BOB", "viewId", viewId, "values", Map.of("reason.reason_input", "no")));
    assertThat(tooShort.path("ok").asBoolean()).isFalse();
    assertThat(tooShort.path("errors").path("reason").asText()).isEqualTo("Please give a reason");
    assertThat(page.state("U0BOB", "C0INCIDENTS").path("views")).hasSize(1);

    JsonNode accepted =
        page.post(
            "/sandbox/view",
            Map.of(
                "user",
                "U0BOB",
                "viewId",
                viewId,
                "values",
                Map.of("reason.reason_input", "blast radius too big")));
    assertThat(accepted.path("ok").asBoolean()).isTrue();
    assertThat(reason.get(5, TimeUnit.SECONDS)).isEqualTo("blast radius too big");
    assertThat(page.state("U0BOB", "C0INCIDENTS").path("views")).isEmpty();
  }
}
