package dev.greenlight.bot.e2e;

import static dev.greenlight.bot.e2e.TestConfig.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.bot.slack.Ids;
import dev.greenlight.sandbox.ApiCall;
import dev.greenlight.sandbox.Message;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuorumFlowIT extends LoopFixture {

  @Test
  void highRiskNeedsTwoPeopleNotTheRequesterAndAGroupMemberCounts() throws Exception {
    String channel = newChannel();
    ack(slack.sendSlashCommand(ALICE, channel, "/remediate", "checkout-api " + DEPLOY_TEXT));
    Message card = awaitButtons(channel);
    assertThat(card.blocks().toString())
        .contains(
            "bad-deploy", "high", "Approve a high-risk action?", "the requester cannot approve");

    // Alice asked for it, so she cannot approve it on the high tier.
    ack(slack.clickButton(ALICE, card, Ids.APPROVE_ACTION));
    assertThat(awaitEphemeral(ALICE, "needs someone else to approve")).isNotEmpty();

    ack(slack.clickButton(BOB, card, Ids.APPROVE_ACTION));
    awaitReply(channel, "Approved by <@U0BOB> (1 of 2)");
    Message halfway = slack.messages(channel).get(0);
    assertThat(halfway.blocks().toString()).contains(Ids.APPROVE_ACTION, "1 of 2 approvals");
    assertThat(targets.actionsFor("checkout-api")).isEmpty();

    // Bob clicking again changes nothing; a member of the S0SRE group completes the quorum.
    ack(slack.clickButton(BOB, card, Ids.APPROVE_ACTION));
    assertThat(awaitEphemeral(BOB, "You already approved")).isNotEmpty();
    ack(slack.clickButton(GROUPIE, card, Ids.APPROVE_ACTION));

    List<String> replies = awaitReply(channel, "Recovered");
    assertThat(replies).contains("Approved by <@U0BOB>, <@U0GROUPIE>.");
    assertThat(targets.actionsFor("checkout-api")).hasSize(1);
    assertThat(targets.actionsFor("checkout-api").get(0).getPath()).startsWith("/actions/rollback");
    // The workflow draws the final card, buttons gone; the bot edits no card of its own.
    assertThat(slack.calls("chat.update"))
        .extracting(ApiCall::params)
        .noneMatch(p -> String.valueOf(p.get("blocks")).contains("Processing"));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> slack.messages(channel).get(0).blocks().toString(),
            b ->
                b.contains("Approved by <@U0BOB>, <@U0GROUPIE>")
                    && !b.contains(Ids.APPROVE_ACTION));
  }
}
