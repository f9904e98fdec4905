package dev.greenlight.bot.e2e;

import static dev.greenlight.bot.e2e.TestConfig.ALICE;
import static dev.greenlight.bot.e2e.TestConfig.BOB;
import static dev.greenlight.bot.e2e.TestConfig.DEPLOY_TEXT;
import static dev.greenlight.bot.e2e.TestConfig.GROUPIE;
import static dev.greenlight.bot.e2e.TestConfig.OOM_TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.bot.slack.Ids;
import dev.greenlight.sandbox.Message;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@code /remediate list}, {@code /remediate status} and the App Home through the real Bolt app,
 * the sandbox Slack and the embedded Temporal server (whose visibility answers only the older
 * open-executions listing: the fallback is what runs here).
 */
class ViewsIT extends LoopFixture {

  @Test
  void listStatusAndTheAppHomeShowWhatWaitsForWhom() throws Exception {
    String medium = newChannel();
    String mediumId =
        incidentId(
            ackText(
                slack.sendSlashCommand(ALICE, medium, "/remediate", "checkout-api " + OOM_TEXT)));
    String high = newChannel();
    String highId =
        incidentId(
            ackText(
                slack.sendSlashCommand(ALICE, high, "/remediate", "search-api " + DEPLOY_TEXT)));
    Message mediumCard = awaitButtons(medium);
    awaitButtons(high);

    String list = ackText(slack.sendSlashCommand("U0DAVE", newChannel(), "/remediate", "list"));
    assertThat(list)
        .contains("*Open incidents (2)*")
        .contains("https://sandbox.slack.localhost/archives/" + medium + "/p")
        .contains(
            "|" + mediumId + ">* `checkout-api` · waiting for approval from <@U0ALICE>, <@U0BOB>")
        .contains(
            "|"
                + highId
                + ">* `search-api` · waiting for approval from <@U0BOB>, <@U0GROUPIE> (0 of 2)");
    // Newest first.
    assertThat(list.indexOf(highId)).isLessThan(list.indexOf(mediumId));

    String status =
        ackText(slack.sendSlashCommand("U0DAVE", newChannel(), "/remediate", "status " + highId));
    assertThat(status)
        .contains(
            "`search-api`", "State: waiting for approval from <@U0BOB>, <@U0GROUPIE> (0 of 2)")
        .contains("Requested by <@U0ALICE>", "Runbook: `rollback-deploy`, high risk");
    assertThat(
            ackText(
                slack.sendSlashCommand("U0DAVE", newChannel(), "/remediate", "status GL-ZZZZZZZZ")))
        .isEqualTo("No incident GL-ZZZZZZZZ is known to Greenlight.");
    assertThat(ackText(slack.sendSlashCommand("U0DAVE", newChannel(), "/remediate", "status 42")))
        .contains("Usage: `/remediate status GL-XXXXXXXX`", "`42` is not one");

    // The group member approves only the high-risk one; Alice (the requester) only the medium one.
    String groupieHome = home(GROUPIE);
    assertThat(section(groupieHome, "Waiting for your approval (1)"))
        .contains(highId)
        .doesNotContain(mediumId);
    assertThat(section(groupieHome, "Other open incidents (1)")).contains(mediumId);
    String aliceHome = home(ALICE);
    assertThat(section(aliceHome, "Waiting for your approval (1)"))
        .contains(mediumId)
        .doesNotContain(highId);

    ack(slack.clickButton(BOB, mediumCard, Ids.APPROVE_ACTION));
    awaitReply(medium, "Recovered");
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> ackText(slack.sendSlashCommand("U0DAVE", newChannel(), "/remediate", "list")),
            l -> l.contains("*Open incidents (1)*") && !l.contains(mediumId));
    assertThat(
            ackText(
                slack.sendSlashCommand("U0DAVE", newChannel(), "/remediate", "status " + mediumId)))
        .contains("State: ended (recovered)");
  }

  /** Opens {@code user}'s App Home and returns the blocks of the tab the bot published. */
  private static String home(String user) throws Exception {
    String before = slack.homeTab(user).map(t -> t.path("hash").asText()).orElse("");
    ack(slack.openAppHome(user));
    ObjectNode tab =
        await()
            .atMost(Duration.ofSeconds(15))
            .until(
                () -> slack.homeTab(user),
                t -> t.isPresent() && !t.get().path("hash").asText().equals(before))
            .get();
    assertThat(tab.path("type").asText()).isEqualTo("home");
    return tab.path("blocks").toString();
  }

  /** The part of the tab from the header {@code title} to the next header. */
  private static String section(String blocks, String title) {
    int from = blocks.indexOf(title);
    assertThat(from).as("header " + title + " in " + blocks).isNotNegative();
    int next = blocks.indexOf("\"type\":\"header\"", from);
    return next < 0 ? blocks.substring(from) : blocks.substring(from, next);
  }
}
