package dev.greenlight.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PagePlainMessageIsPostedByTheUserTest {

  private final SlackServer server = SlackServer.builder().demoWorkspace().start();
  private final PageClient page = new PageClient(server);

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void plainTextFromTheComposerBecomesTheUsersChannelMessage() throws Exception {
    JsonNode r =
        page.post(
            "/sandbox/command",
            Map.of("user", "U0BOB", "channel", "C0INCIDENTS", "text", "looking at it"));

    assertThat(r.path("ok").asBoolean()).isTrue();
    assertThat(server.messages("C0INCIDENTS"))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.user()).isEqualTo("U0BOB");
              assertThat(m.text()).isEqualTo("looking at it");
            });
    JsonNode message = page.state("U0ALICE", "C0INCIDENTS").path("messages").get(0);
    assertThat(message.path("userName").asText()).isEqualTo("bob");
  }
}
