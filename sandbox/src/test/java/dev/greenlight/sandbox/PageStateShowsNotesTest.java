package dev.greenlight.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Lines about the sandbox itself (a simulated demo service) reach the page's sidebar state. */
class PageStateShowsNotesTest {
  private final SlackServer server = SlackServer.builder().demoWorkspace().start();
  private final PageClient page = new PageClient(server);

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void notesAreInTheWorkspaceStateInOrder() throws Exception {
    assertThat(page.state("U0ALICE", "C0INCIDENTS").path("workspace").path("notes")).isEmpty();

    server.addNote("Simulated: orders-api runs in a simulated cluster");
    server.addNote("second");

    JsonNode notes = page.state("U0ALICE", "C0INCIDENTS").path("workspace").path("notes");
    assertThat(notes)
        .extracting(JsonNode::asText)
        .containsExactly("Simulated: orders-api runs in a simulated cluster", "second");
  }
}
