package dev.greenlight.bot.e2e;

import static dev.greenlight.bot.e2e.TestConfig.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.bot.slack.Ids;
import org.junit.jupiter.api.Test;

class AuditCommandIT extends LoopFixture {

  @Test
  void auditShowsTheWholeTimelineFromTheWorkflow() throws Exception {
    String channel = newChannel();
    String ack =
        ackText(
            slack.sendSlashCommand("U0DAVE", channel, "/remediate", "checkout-api " + OOM_TEXT));
    String id = ack.replaceAll("(?s).*Incident (GL-[A-Z0-9]+).*", "$1");
    var card = awaitButtons(channel);
    ack(slack.clickButton(MALLORY, card, Ids.APPROVE_ACTION));
    ack(slack.clickButton(ALICE, card, Ids.SNOOZE_30_ACTION));
    awaitReply(channel, "snoozed escalation for 30 minutes");
    slack.clickButton(ALICE, card, Ids.APPROVE_ACTION);
    awaitReply(channel, "Recovered");

    String audit =
        ackText(
            slack.sendSlashCommand("U0DAVE", channel, "/remediate", "audit " + id.toLowerCase()));
    assertThat(audit)
        .contains(
            "Timeline of incident " + id,
            "requested — <@U0DAVE>: `checkout-api`",
            "classified: `oom-killed",
            "all-MiniLM-L6-v2",
            "policy: `HUMAN_GATE`",
            "gate opened",
            "click accepted — <@U0ALICE>: `SNOOZE`",
            "click accepted — <@U0ALICE>: `APPROVE`",
            "action: `HTTP 202, idempotency key incident-" + id + ":restart-oom-pods`",
            "verification: `recovered");
    // Mallory's click was refused and noted in the timeline. This config names a user group as
    // approvers, so the bot signals every click and the workflow refuses hers (a click the bot
    // refuses itself is noted "refused by the bot", see RefusedClickTest).
    assertThat(audit).contains("click refused — <@U0MALLORY>: `APPROVE refused: NOT_AN_APPROVER`");
  }

  @Test
  void auditOfAnUnknownIncidentSaysSo() throws Exception {
    assertThat(
            ackText(
                slack.sendSlashCommand("U0DAVE", newChannel(), "/remediate", "audit GL-ZZZZZZZZ")))
        .contains("No incident GL-ZZZZZZZZ");
    assertThat(
            ackText(slack.sendSlashCommand("U0DAVE", newChannel(), "/remediate", "audit nonsense")))
        .contains("Usage: `/remediate audit GL-XXXXXXXX`");
  }
}
