package dev.greenlight.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.slack.api.methods.MethodsClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PageStateShowsMessagesThreadsEditsAndEphemeralsTest {

  private final BoltHarness bolt =
      new BoltHarness(
          SlackServer.builder()
              .user("U0ALICE", "alice", "requester")
              .user("U0BOB", "bob", "approver")
              .channel("C0INCIDENTS", "incidents")
              .start());
  private final PageClient page = new PageClient(bolt.server);

  @AfterEach
  void stop() {
    bolt.close();
  }

  @Test
  void stateHasTheChannelAsEachUserSeesIt() throws Exception {
    MethodsClient client = bolt.client();
    String ts =
        client.chatPostMessage(r -> r.channel("C0INCIDENTS").text("Remediation requested")).getTs();
    client.chatUpdate(r -> r.channel("C0INCIDENTS").ts(ts).text("Remediation approved"));
    client.chatPostMessage(
        r -> r.channel("C0INCIDENTS").threadTs(ts).text("audit: approved by bob"));
    client.chatPostEphemeral(
        r -> r.channel("C0INCIDENTS").user("U0ALICE").text("You cannot approve your own request"));

    JsonNode alice = page.state("U0ALICE", "C0INCIDENTS");
    assertThat(alice.path("workspace").path("users").findValuesAsText("name"))
        .containsExactly("alice", "bob");
    assertThat(alice.path("workspace").path("users").get(1).path("role").asText())
        .isEqualTo("approver");
    assertThat(alice.path("workspace").path("channels").get(0).path("name").asText())
        .isEqualTo("incidents");

    JsonNode messages = alice.path("messages");
    assertThat(messages).hasSize(1);
    JsonNode card = messages.get(0);
    assertThat(card.path("ts").asText()).isEqualTo(ts);
    assertThat(card.path("text").asText()).isEqualTo("Remediation approved");
    assertThat(card.path("edited").asBoolean()).isTrue();
    assertThat(card.path("userName").asText()).isEqualTo("greenlight");
    assertThat(card.path("replies")).hasSize(1);
    assertThat(card.path("replies").get(0).path("text").asText())
        .isEqualTo("audit: approved by bob");

    assertThat(alice.path("ephemerals")).hasSize(1);
    assertThat(alice.path("ephemerals").get(0).path("text").asText())
        .isEqualTo("You cannot approve your own request");

    JsonNode bob = page.state("U0BOB", "C0INCIDENTS");
    assertThat(bob.path("messages")).hasSize(1);
    assertThat(bob.path("ephemerals")).isEmpty();
    assertThat(page.state("U0ALICE", "C0OTHER").path("ephemerals")).isEmpty();
  }
}
