package dev.greenlight.bot.durability;

import static dev.greenlight.bot.e2e.TestConfig.ALICE;
import static dev.greenlight.bot.e2e.TestConfig.BOB;
import static dev.greenlight.bot.e2e.TestConfig.DEPLOY_TEXT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.bot.slack.Ids;
import dev.greenlight.sandbox.Message;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A two-approver gate keeps its first approval across a kill -9 of both bot and worker: the
 * approvals live in workflow state, not in any process.
 */
class RestartBetweenApprovalsIT extends DurabilityFixture {

  @Test
  void firstApprovalSurvivesKillingBotAndWorkerAndTheSecondCompletesTheQuorum() throws Exception {
    GreenlightProcess worker = spawnWorker();
    GreenlightProcess bot = spawnBot();
    awaitWorker(worker);
    awaitBot(bot);

    String channel = "C0QUORUMKILL";
    String incidentId = startIncident("U0DAVE", channel, "checkout-api " + DEPLOY_TEXT);
    Message card = awaitButtons(channel);
    slack.clickButton(BOB, card, Ids.APPROVE_ACTION);
    awaitReply(channel, "Approved by <@U0BOB> (1 of 2)");
    awaitParkedAtGate(incidentId);

    worker.killHard();
    killBot(bot);
    GreenlightProcess newWorker = spawnWorker();
    GreenlightProcess newBot = spawnBot();
    awaitWorker(newWorker);
    awaitBot(newBot);

    slack.clickButton(ALICE, card, Ids.APPROVE_ACTION);
    List<String> replies = awaitReply(channel, "Recovered");
    assertThat(replies).contains("Approved by <@U0BOB>, <@U0ALICE>.");
    assertThat(replies.stream().filter(r -> r.startsWith("Remediation started"))).hasSize(1);
    assertThat(actionsFor("checkout-api")).hasSize(1);
    assertThat(actionsFor("checkout-api").get(0).getHeader("Idempotency-Key"))
        .isEqualTo("incident-" + incidentId + ":rollback-deploy");
  }
}
