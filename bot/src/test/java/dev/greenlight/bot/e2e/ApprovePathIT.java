package dev.greenlight.bot.e2e;

import static dev.greenlight.bot.e2e.TestConfig.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.bot.slack.Ids;
import dev.greenlight.sandbox.Message;
import java.util.List;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

class ApprovePathIT extends LoopFixture {

  @Test
  void approveRunsTheActionOnceWithItsIdempotencyKeyAndReportsRecovery() throws Exception {
    String channel = newChannel();
    String ack =
        ackText(
            slack.sendSlashCommand("U0DAVE", channel, "/remediate", "checkout-api " + OOM_TEXT));
    assertThat(ack).contains("started");
    String incidentId = ack.replaceAll("(?s).*Incident (GL-[A-Z0-9]+).*", "$1");

    Message card = awaitButtons(channel);
    assertThat(card.blocks().toString())
        .contains("oom-killed", "medium", "restart-oom-pods", "<@U0DAVE>");
    awaitReply(channel, "Waiting for approval");
    slack.clickButton(ALICE, card, Ids.APPROVE_ACTION);

    List<String> replies = awaitReply(channel, "Recovered");
    assertThat(replies).hasSize(6);
    assertThat(replies.get(0)).startsWith("Classified as *oom-killed*");
    assertThat(replies.get(1)).startsWith("Waiting for approval");
    assertThat(replies.get(2)).isEqualTo("Approved by <@U0ALICE>.");
    assertThat(replies.get(3)).startsWith("Remediation started: POST");
    assertThat(replies.get(4)).isEqualTo("Remediation finished: HTTP 202.");
    assertThat(replies.get(5)).contains("Recovered");

    List<RecordedRequest> actions = targets.actionsFor("checkout-api");
    assertThat(actions).hasSize(1);
    assertThat(actions.get(0).getHeader("Idempotency-Key"))
        .isEqualTo("incident-" + incidentId + ":restart-oom-pods");
    assertThat(actions.get(0).getBody().readUtf8())
        .isEqualTo("{\"service\":\"checkout-api\",\"incident\":\"" + incidentId + "\"}");

    Message updated = slack.messages(channel).get(0);
    assertThat(updated.blocks().toString())
        .doesNotContain(Ids.APPROVE_ACTION)
        .contains("Approved by <@U0ALICE>");
    assertThat(updated.editCount()).isPositive();
  }
}
