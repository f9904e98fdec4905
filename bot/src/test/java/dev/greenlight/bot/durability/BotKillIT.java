package dev.greenlight.bot.durability;

import static dev.greenlight.bot.e2e.TestConfig.ALICE;
import static dev.greenlight.bot.e2e.TestConfig.OOM_TEXT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.bot.slack.Ids;
import dev.greenlight.sandbox.Message;
import java.util.List;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * The bot keeps no state of its own: after it is killed with SIGKILL between posting the card and
 * the click, a restarted bot process handles the old card's Approve button, because everything the
 * button needs is in the button and in Temporal.
 */
class BotKillIT extends DurabilityFixture {

  @Test
  void aRestartedBotHandlesTheApproveButtonOfACardPostedBeforeTheKill() throws Exception {
    String channel = "C0BOTKILL";
    Parked parked = parkIncident(channel, "checkout-api " + OOM_TEXT);
    GreenlightProcess bot = parked.bot();
    String incidentId = parked.incidentId();
    Message card = parked.card();

    // The bot dies without closing its Socket Mode connection cleanly, as with kill -9.
    killBot(bot);
    GreenlightProcess restarted = spawnBot();
    awaitBot(restarted);

    slack.clickButton(ALICE, card, Ids.APPROVE_ACTION);

    List<String> replies = awaitReply(channel, "Recovered");
    assertThat(slack.ephemerals(ALICE)).as("what the bot told the approver").isEmpty();
    assertThat(replies).hasSize(6);
    assertThat(replies.get(0)).startsWith("Classified as *oom-killed*");
    assertThat(replies.get(1)).startsWith("Waiting for approval");
    assertThat(replies.get(2)).isEqualTo("Approved by <@U0ALICE>.");
    assertThat(replies.get(3)).startsWith("Remediation started: POST");
    assertThat(replies.get(4)).isEqualTo("Remediation finished: HTTP 202.");
    assertThat(replies.get(5)).contains("Recovered");

    List<RecordedRequest> actions = actionsFor("checkout-api");
    assertThat(actions).hasSize(1);
    assertThat(actions.get(0).getHeader("Idempotency-Key"))
        .isEqualTo("incident-" + incidentId + ":restart-oom-pods");
    assertThat(slack.messages(channel).get(0).blocks().toString())
        .doesNotContain(Ids.APPROVE_ACTION)
        .contains("Approved by <@U0ALICE>");
  }
}
