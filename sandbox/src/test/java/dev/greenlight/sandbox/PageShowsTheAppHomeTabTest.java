package dev.greenlight.sandbox;

import static com.slack.api.model.block.Blocks.asBlocks;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.view.View;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The page's App Home tab: {@code POST /sandbox/home} opens it as the user (the real Bolt app gets
 * {@code app_home_opened} and publishes), the state then carries that user's published view, and
 * the page serves the control and the code that renders it.
 */
class PageShowsTheAppHomeTabTest {
  private BoltHarness bolt;
  private PageClient page;

  @BeforeEach
  void start() throws Exception {
    bolt = new BoltHarness();
    bolt.app.event(
        AppHomeOpenedEvent.class,
        (payload, ctx) -> {
          String user = payload.getEvent().getUser();
          ctx.client()
              .viewsPublish(
                  r ->
                      r.userId(user)
                          .view(
                              View.builder()
                                  .type("home")
                                  .blocks(
                                      asBlocks(
                                          section(
                                              s ->
                                                  s.text(
                                                      markdownText(
                                                          "*Waiting for you*, <@" + user + ">")))))
                                  .build()));
          return ctx.ack();
        });
    bolt.startAndAwaitConnection();
    page = new PageClient(bolt.server);
  }

  @AfterEach
  void stop() {
    bolt.close();
  }

  @Test
  void openingTheHomeTabShowsWhatTheAppPublishedForThatUserOnly() throws Exception {
    assertThat(page.state("U0BOB", "C0INCIDENTS").path("home").isNull()).isTrue();

    JsonNode opened = page.post("/sandbox/home", Map.of("user", "U0BOB"));
    assertThat(opened.path("ok").asBoolean()).as(opened.toString()).isTrue();

    JsonNode home =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () -> page.state("U0BOB", "C0INCIDENTS").path("home"),
                h -> h.path("blocks").size() == 1);
    assertThat(home.path("type").asText()).isEqualTo("home");
    assertThat(home.path("blocks").get(0).path("text").path("text").asText())
        .isEqualTo("*Waiting for you*, <@U0BOB>");
    assertThat(page.state("U0ALICE", "C0INCIDENTS").path("home").isNull()).isTrue();
  }

  @Test
  void openingTheHomeTabNeedsAUser() throws Exception {
    assertThat(page.post("/sandbox/home", Map.of()).path("error").asText())
        .isEqualTo("missing_user");
  }

  @Test
  void thePageHasTheHomeTabControlAndRendersThePublishedView() throws Exception {
    assertThat(page.get("/").body()).contains("data-testid=\"app-home\"");
    String js = page.get("/static/app.js").body();
    assertThat(js).contains("'/sandbox/home'", "s.home", "data-testid': 'home-tab'");
  }
}
