package dev.greenlight.bot.e2e;

import static dev.greenlight.bot.e2e.TestConfig.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.bot.slack.Ids;
import dev.greenlight.sandbox.Ack;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A click from another workspace (or another Enterprise Grid org) carrying an approver's user ID:
 * Greenlight acks it with nothing, counts nothing and tells nobody; the real approver decides.
 */
class ForgedTeamClickIT extends LoopFixture {

  @Test
  void clicksFromAnotherTeamOrEnterpriseDecideNothing() throws Exception {
    String channel = newChannel();
    String id =
        incidentId(
            ackText(
                slack.sendSlashCommand(
                    "U0DAVE", channel, "/remediate", "checkout-api " + OOM_TEXT)));
    var card = awaitButtons(channel);
    awaitReply(channel, "Waiting for approval");

    ObjectNode otherTeam = slack.clickPayload(ALICE, card, Ids.APPROVE_ACTION);
    otherTeam.with("team").put("id", "T0EVIL");
    otherTeam.with("user").put("team_id", "T0EVIL");
    ObjectNode otherGrid = slack.clickPayload(ALICE, card, Ids.APPROVE_ACTION);
    otherGrid.putObject("enterprise").put("id", "E0EVIL").put("name", "Elsewhere");
    otherGrid.with("team").put("enterprise_id", "E0EVIL");
    List<Ack> acks =
        List.of(ack(slack.sendInteractive(otherTeam)), ack(slack.sendInteractive(otherGrid)));

    assertThat(acks).noneMatch(Ack::hasPayload);
    assertThat(slack.ephemerals(ALICE)).isEmpty();
    // Bob's genuine approval is the one that counts: the gate was still open.
    ack(slack.clickButton(BOB, card, Ids.APPROVE_ACTION));
    List<String> replies = awaitReply(channel, "Recovered", Duration.ofSeconds(60));
    assertThat(replies)
        .filteredOn(r -> r.startsWith("Approved by"))
        .containsExactly("Approved by <@U0BOB>.");
    assertThat(actionsOf(id)).hasSize(1);
    assertThat(audit(id)).doesNotContain("<@U0ALICE>");
  }
}
