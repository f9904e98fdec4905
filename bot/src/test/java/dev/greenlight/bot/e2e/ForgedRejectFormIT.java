package dev.greenlight.bot.e2e;

import static dev.greenlight.bot.e2e.TestConfig.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.bot.slack.Ids;
import dev.greenlight.sandbox.Ack;
import dev.greenlight.sandbox.Message;
import dev.greenlight.sandbox.View;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ForgedRejectFormIT extends LoopFixture {

  @Test
  void aRejectFormWhoseMetadataIsNotGreenlightsIsRefusedInTheFormAndDecidesNothing()
      throws Exception {
    String channel = newChannel();
    ack(slack.sendSlashCommand("U0DAVE", channel, "/remediate", "search-api " + OOM_TEXT));
    Message card = awaitButtons(channel);
    int before = slack.views().size();
    ack(slack.clickButton(BOB, card, Ids.REJECT_ACTION));
    View modal =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(slack::views, v -> v.size() > before)
            .get(before);

    // The same form, with its private metadata replaced by something Greenlight never wrote.
    View forged = new View(modal.id(), modal.triggerId(), modal.view().deepCopy());
    forged.view().put("private_metadata", "{\"wf\":\"incident-GL-NOTREAL0\"");
    Ack answer =
        ack(slack.submitView(BOB, forged, Map.of(Ids.REASON_BLOCK + "." + Ids.REASON_INPUT, "x")));

    assertThat(answer.payload().path("response_action").asText()).isEqualTo("errors");
    assertThat(answer.payload().path("errors").path(Ids.REASON_BLOCK).asText())
        .contains("not one Greenlight opened");
    Thread.sleep(500);
    assertThat(slack.messages(channel).get(0).blocks().toString()).contains(Ids.APPROVE_ACTION);
    assertThat(replies(channel)).noneMatch(r -> r.startsWith("Rejected"));
  }
}
