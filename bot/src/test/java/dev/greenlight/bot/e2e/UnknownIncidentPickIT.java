package dev.greenlight.bot.e2e;

import static dev.greenlight.bot.e2e.TestConfig.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.bot.slack.ButtonValue;
import dev.greenlight.bot.slack.Ids;
import dev.greenlight.sandbox.Message;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class UnknownIncidentPickIT extends LoopFixture {
  private static final String NOTHING_LIKE_IT = "the office coffee machine is broken again";

  @Test
  void anIncidentThatMatchesNothingOffersTheCatalogAndThePickedRunbookNeedsItsOwnApproval()
      throws Exception {
    String channel = newChannel();
    ack(slack.sendSlashCommand("U0DAVE", channel, "/remediate", "search-api " + NOTHING_LIKE_IT));
    Message card = awaitMenu(channel);
    assertThat(card.blocks().toString()).contains("unknown", "Close incident", "rollback-deploy");
    awaitReply(channel, "No runbook matched. <@U0CAROL>");

    ack(slack.selectOption(MALLORY, card, Ids.PICK_ACTION, option(card, "rollback-deploy")));
    assertThat(awaitEphemeral(MALLORY, "not an approver")).isNotEmpty();

    ack(slack.selectOption(ALICE, card, Ids.PICK_ACTION, option(card, "rollback-deploy")));
    awaitReply(channel, "<@U0ALICE> picked runbook `rollback-deploy`");
    Message approval = awaitButtons(channel);
    assertThat(approval.blocks().toString()).contains("bad-deploy", "high", "picked by a person");
    assertThat(targets.actionsFor("search-api")).isEmpty();

    ack(slack.clickButton(ALICE, approval, Ids.APPROVE_ACTION));
    ack(slack.clickButton(BOB, approval, Ids.APPROVE_ACTION));
    awaitReply(channel, "Recovered");
    assertThat(targets.actionsFor("search-api")).hasSize(1);
    assertThat(targets.actionsFor("search-api").get(0).getPath()).startsWith("/actions/rollback");
  }

  @Test
  void anApproverCanCloseItWithoutRunningAnything() throws Exception {
    String channel = newChannel();
    ack(slack.sendSlashCommand("U0DAVE", channel, "/remediate", "payments-api " + NOTHING_LIKE_IT));
    ack(slack.clickButton(BOB, awaitMenu(channel), Ids.CLOSE_ACTION));
    awaitReply(
        channel, "Closed by <@U0BOB>: closed: no runbook fits this incident. Nothing was run.");
    assertThat(targets.actionsFor("payments-api")).isEmpty();
  }

  private static Message awaitMenu(String channel) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> slack.messages(channel),
            // The card is posted first and offered the catalog by the next edit: wait for both.
            m ->
                !m.isEmpty()
                    && m.get(0).blocks().toString().contains(Ids.PICK_ACTION)
                    && m.get(0).blocks().toString().contains("rollback-deploy"))
        .get(0);
  }

  /** The menu option's value for a runbook, as the card carries it. */
  private static String option(Message card, String runbookId) {
    for (var block : card.blocks()) {
      for (var element : block.path("elements")) {
        for (var o : element.path("options")) {
          String value = o.path("value").asText();
          if (ButtonValue.decode(value).map(v -> runbookId.equals(v.runbookId())).orElse(false)) {
            return value;
          }
        }
      }
    }
    throw new AssertionError("no option for " + runbookId + " in " + card.blocks());
  }
}
