package dev.greenlight.bot.durability;

import static dev.greenlight.bot.e2e.TestConfig.ALICE;
import static dev.greenlight.bot.e2e.TestConfig.BOB;
import static dev.greenlight.bot.e2e.TestConfig.DEPLOY_TEXT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.bot.slack.Ids;
import dev.greenlight.sandbox.Message;
import dev.greenlight.sandbox.SentEnvelope;
import dev.greenlight.workflows.RemediationWorkflow;
import io.temporal.api.enums.v1.EventType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A bot killed with SIGKILL after it signalled a click, before Slack saw the ack, loses nothing:
 * the signal is already Temporal's, and when Slack redelivers the click to the restarted bot (the
 * same payload, so the same {@code action_ts}) the workflow counts it once and says nothing to the
 * clicker. A two-approver gate shows it: a double count would complete or refuse, and neither may
 * happen.
 */
class RedeliveredClickIT extends DurabilityFixture {

  @Test
  void aClickSignalledBeforeTheBotDiedAndRedeliveredToItsSuccessorCountsOnce() throws Exception {
    String channel = "C0REDELIVER";
    Parked parked = parkIncident(channel, "checkout-api " + DEPLOY_TEXT);
    String incidentId = parked.incidentId();
    Message card = parked.card();

    SentEnvelope click = slack.clickButton(ALICE, card, Ids.APPROVE_ACTION);
    awaitUntil("Alice's approval to be signalled", () -> signals(incidentId), n -> n == 1);
    // The bot dies now: as far as Slack knows, the click may never have been acked.
    killBot(parked.bot());
    GreenlightProcess restarted = spawnBot();
    awaitBot(restarted);

    SentEnvelope again = slack.redeliver(click);
    awaitUntil("the redelivered click's ack", () -> again.ack().isDone(), done -> done);
    awaitUntil("the redelivered click to be signalled", () -> signals(incidentId), n -> n == 2);
    awaitReply(channel, "Approved by <@U0ALICE> (1 of 2)");
    slack.clickButton(BOB, card, Ids.APPROVE_ACTION);

    List<String> replies = awaitReply(channel, "Recovered");
    assertThat(replies.stream().filter(r -> r.startsWith("Approved by <@U0ALICE> (1 of 2)")))
        .hasSize(1);
    assertThat(replies).contains("Approved by <@U0ALICE>, <@U0BOB>.");
    assertThat(slack.ephemerals(ALICE)).as("what Alice was told about her click").isEmpty();
    assertThat(actionsFor("checkout-api")).hasSize(1);
    assertThat(actionsFor("checkout-api").get(0).getPath()).startsWith("/actions/rollback");
  }

  /** The decisions and notes signalled to the incident's workflow so far. */
  private long signals(String incidentId) {
    return temporal
        .client()
        .fetchHistory(RemediationWorkflow.workflowId(incidentId))
        .getEvents()
        .stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED)
        .count();
  }
}
