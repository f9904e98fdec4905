package dev.greenlight.bot.e2e;

import static dev.greenlight.bot.e2e.TestConfig.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.sandbox.Ack;
import org.junit.jupiter.api.Test;

/**
 * A {@code /remediate} from another workspace or Enterprise Grid org: acked with nothing and
 * starting nothing, while the same command from the installation's own workspace starts.
 */
class ForgedTeamCommandIT extends LoopFixture {

  @Test
  void aCommandFromAnotherTeamOrEnterpriseStartsNothing() throws Exception {
    String channel = newChannel();
    ObjectNode otherTeam =
        slack.slashCommandPayload(ALICE, channel, "/remediate", "checkout-api " + OOM_TEXT);
    otherTeam.put("team_id", "T0EVIL");
    ObjectNode otherGrid =
        slack.slashCommandPayload(ALICE, channel, "/remediate", "checkout-api " + OOM_TEXT);
    otherGrid.put("enterprise_id", "E0EVIL");

    Ack team = ack(slack.sendSlashCommand(otherTeam));
    Ack grid = ack(slack.sendSlashCommand(otherGrid));

    assertThat(team.hasPayload()).isFalse();
    assertThat(grid.hasPayload()).isFalse();
    assertThat(slack.ephemerals(ALICE)).isEmpty();
    // The genuine command, sent after the forged ones, is answered and its card is the only one.
    assertThat(
            ackText(
                slack.sendSlashCommand(ALICE, channel, "/remediate", "checkout-api " + OOM_TEXT)))
        .contains("started");
    awaitButtons(channel);
    Thread.sleep(1_000);
    assertThat(slack.messages(channel)).hasSize(1);
  }
}
