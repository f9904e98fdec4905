package dev.greenlight.bot.e2e;

import static dev.greenlight.bot.e2e.TestConfig.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.bot.slack.Ids;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerificationFailureIT extends LoopFixture {

  @Test
  void failedVerificationEscalatesToOnCallWithoutRerunningTheAction() throws Exception {
    String channel = newChannel();
    ack(slack.sendSlashCommand("U0DAVE", channel, "/remediate", "payments-api " + OOM_TEXT));
    slack.clickButton(ALICE, awaitButtons(channel), Ids.APPROVE_ACTION);

    List<String> replies = awaitReply(channel, "Verification failed");
    assertThat(replies.get(replies.size() - 1)).contains("escalating to <@U0CAROL>", "HTTP 503");
    assertThat(targets.actionsFor("payments-api")).hasSize(1);
  }
}
