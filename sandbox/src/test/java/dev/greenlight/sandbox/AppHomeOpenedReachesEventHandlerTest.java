package dev.greenlight.sandbox;

import static com.slack.api.model.block.Blocks.asBlocks;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.methods.response.views.ViewsPublishResponse;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.view.View;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code app_home_opened} arrives at Bolt's event handler in an {@code events_api} envelope, shaped
 * as Slack's; {@code views.publish} stores the Home tab, which the next event carries back.
 */
class AppHomeOpenedReachesEventHandlerTest {
  private BoltHarness bolt;
  private final List<AppHomeOpenedEvent> events = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    bolt = new BoltHarness();
    bolt.app.event(
        AppHomeOpenedEvent.class,
        (payload, ctx) -> {
          events.add(payload.getEvent());
          ctx.client()
              .viewsPublish(
                  r -> r.userId(payload.getEvent().getUser()).view(home("Hello " + events.size())));
          return ctx.ack();
        });
    bolt.startAndAwaitConnection();
  }

  @AfterEach
  void stop() {
    bolt.close();
  }

  private static View home(String text) {
    return View.builder()
        .type("home")
        .blocks(asBlocks(section(s -> s.text(markdownText(text)))))
        .build();
  }

  @Test
  void theHandlerPublishesTheTabAndTheNextEventCarriesIt() throws Exception {
    SentEnvelope first = bolt.server.openAppHome("U0ALICE");
    first.ack().get(10, TimeUnit.SECONDS);
    assertThat(first.type()).isEqualTo("events_api");
    assertThat(first.payload().path("type").asText()).isEqualTo("event_callback");
    assertThat(first.payload().path("team_id").asText()).isEqualTo(bolt.server.teamId());
    ObjectNode tab =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> bolt.server.homeTab("U0ALICE"), t -> t.isPresent())
            .get();
    assertThat(tab.path("type").asText()).isEqualTo("home");
    assertThat(tab.path("blocks").toString()).contains("Hello 1");
    assertThat(events.get(0).getTab()).isEqualTo("home");
    assertThat(events.get(0).getView()).isNull();

    bolt.server.openAppHome("U0ALICE").ack().get(10, TimeUnit.SECONDS);
    await().atMost(Duration.ofSeconds(10)).until(() -> events.size() == 2);
    assertThat(events.get(1).getView().getId()).isEqualTo(tab.path("id").asText());
    assertThat(bolt.server.homeTab("U0BOB")).isEmpty();
  }

  @Test
  void aViewThatIsNotAHomeViewOrHasTooManyBlocksIsRefused() throws Exception {
    ViewsPublishResponse modal =
        bolt.client()
            .viewsPublish(
                r ->
                    r.userId("U0ALICE")
                        .view(View.builder().type("modal").blocks(asBlocks()).build()));
    assertThat(modal.getError()).isEqualTo("invalid_arguments");

    List<LayoutBlock> many = new ArrayList<>();
    for (int i = 0; i < HomeTabs.MAX_BLOCKS + 1; i++) {
      many.add(section(s -> s.text(markdownText("x"))));
    }
    ViewsPublishResponse tooMany =
        bolt.client()
            .viewsPublish(
                r -> r.userId("U0ALICE").view(View.builder().type("home").blocks(many).build()));
    assertThat(tooMany.getError()).isEqualTo("invalid_blocks");
    assertThat(bolt.server.homeTab("U0ALICE")).isEmpty();
  }
}
