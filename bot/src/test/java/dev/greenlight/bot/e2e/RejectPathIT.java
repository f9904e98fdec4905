package dev.greenlight.bot.e2e;

import static dev.greenlight.bot.e2e.TestConfig.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.bot.slack.Ids;
import dev.greenlight.sandbox.Ack;
import dev.greenlight.sandbox.Message;
import org.junit.jupiter.api.Test;

class RejectPathIT extends LoopFixture {

  @Test
  void rejectClosesTheCardAndRunsNothing() throws Exception {
    String channel = newChannel();
    ack(slack.sendSlashCommand("U0DAVE", channel, "/remediate", "search-api " + OOM_TEXT));
    Message card = awaitButtons(channel);
    // A reject without a reason is refused in the modal itself, and the gate stays open.
    Ack blank = ack(reject(BOB, card, "   "));
    assertThat(blank.payload().path("response_action").asText()).isEqualTo("errors");
    assertThat(blank.payload().path("errors").path(Ids.REASON_BLOCK).asText()).contains("Say why");
    assertThat(slack.messages(channel).get(0).blocks().toString()).contains(Ids.APPROVE_ACTION);

    assertThat(ack(reject(BOB, card, "change freeze <!here>")).payload()).isNull();
    awaitReply(channel, "Rejected by <@U0BOB>: change freeze &lt;!here&gt;. Nothing was run.");
    Message updated = slack.messages(channel).get(0);
    assertThat(updated.blocks().toString())
        .doesNotContain(Ids.APPROVE_ACTION)
        .contains("Rejected by <@U0BOB>", "change freeze &lt;!here&gt;");
    assertThat(targets.actionsFor("search-api")).isEmpty();
  }
}
