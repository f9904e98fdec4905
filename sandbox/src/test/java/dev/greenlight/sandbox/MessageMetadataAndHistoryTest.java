package dev.greenlight.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.methods.response.conversations.ConversationsRepliesResponse;
import com.slack.api.model.Message.Metadata;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Message metadata on chat.postMessage, read back by conversations.history and .replies, and
 * conversations.open, in Slack's shapes, through the real Slack SDK client.
 */
class MessageMetadataAndHistoryTest {

  private final BoltHarness bolt = new BoltHarness();
  private final MethodsClient client = bolt.client();

  @AfterEach
  void stop() {
    bolt.close();
  }

  private static Metadata card(String incident) {
    return Metadata.builder()
        .eventType("greenlight_incident")
        .eventPayload(Map.of("incident_id", incident, "kind", "card"))
        .build();
  }

  @Test
  void historyIsNewestFirstAndCarriesMetadataOnlyWhenAskedFor() throws Exception {
    var first = client.chatPostMessage(r -> r.channel("C0OPS").text("one").metadata(card("GL-1")));
    assertThat(first.isOk()).isTrue();
    assertThat(first.getMessage().getMetadata().getEventType()).isEqualTo("greenlight_incident");
    client.chatPostMessage(r -> r.channel("C0OPS").text("two"));
    client.chatPostMessage(r -> r.channel("C0OPS").threadTs(first.getTs()).text("reply"));

    ConversationsHistoryResponse h =
        client.conversationsHistory(r -> r.channel("C0OPS").includeAllMetadata(true));
    assertThat(h.isOk()).isTrue();
    assertThat(h.getMessages())
        .extracting(com.slack.api.model.Message::getText)
        .containsExactly("two", "one");
    var withMeta = h.getMessages().get(1);
    assertThat(withMeta.getMetadata().getEventPayload()).containsEntry("incident_id", "GL-1");
    assertThat(withMeta.getReplyCount()).isEqualTo(1);
    assertThat(h.getMessages().get(0).getMetadata()).isNull();

    var plain = client.conversationsHistory(r -> r.channel("C0OPS"));
    assertThat(plain.getMessages().get(1).getMetadata()).isNull();

    var upTo =
        client.conversationsHistory(
            r -> r.channel("C0OPS").latest(first.getTs()).inclusive(true).limit(1));
    assertThat(upTo.getMessages())
        .extracting(com.slack.api.model.Message::getText)
        .containsExactly("one");
    var before = client.conversationsHistory(r -> r.channel("C0OPS").latest(first.getTs()));
    assertThat(before.getMessages()).isEmpty();

    var limited = client.conversationsHistory(r -> r.channel("C0OPS").limit(1));
    assertThat(limited.getMessages()).hasSize(1);
    assertThat(limited.isHasMore()).isTrue();
  }

  @Test
  void repliesAreTheParentThenItsRepliesOldestFirst() throws Exception {
    String parent = client.chatPostMessage(r -> r.channel("C0OPS").text("card")).getTs();
    for (String t : List.of("a", "b")) {
      client.chatPostMessage(
          r -> r.channel("C0OPS").threadTs(parent).text(t).metadata(card("GL-2")));
    }
    ConversationsRepliesResponse r =
        client.conversationsReplies(q -> q.channel("C0OPS").ts(parent).includeAllMetadata(true));
    assertThat(r.getMessages())
        .extracting(com.slack.api.model.Message::getText)
        .containsExactly("card", "a", "b");
    assertThat(r.getMessages().get(2).getMetadata().getEventPayload())
        .containsEntry("incident_id", "GL-2");
    assertThat(client.conversationsReplies(q -> q.channel("C0OPS").ts("1.000001")).getError())
        .isEqualTo("thread_not_found");
  }

  @Test
  void badMetadataIsRefusedAsSlackRefusesIt() throws Exception {
    var r = client.chatPostMessage(q -> q.channel("C0OPS").text("x").metadataAsString("{\"a\":1}"));
    assertThat(r.getError()).isEqualTo("invalid_metadata_schema");
    var s = client.chatPostMessage(q -> q.channel("C0OPS").text("x").metadataAsString("{nope"));
    assertThat(s.getError()).isEqualTo("invalid_metadata_format");
    assertThat(bolt.server.messages("C0OPS")).isEmpty();
  }

  @Test
  void openingAConversationWithTheSamePeopleGivesTheSameChannel() throws Exception {
    var one = client.conversationsOpen(r -> r.users(List.of("U0ALICE")));
    var two = client.conversationsOpen(r -> r.users(List.of("U0BOB", "U0ALICE")));
    var again = client.conversationsOpen(r -> r.users(List.of("U0ALICE", "U0BOB")));
    assertThat(one.getChannel().getId()).startsWith("D");
    assertThat(two.getChannel().getId()).startsWith("G").isEqualTo(again.getChannel().getId());
    assertThat(client.conversationsOpen(r -> r.users(List.of())).getError())
        .isEqualTo("users_list_not_supplied");
  }
}
