package dev.greenlight.bot.e2e;

import static dev.greenlight.bot.e2e.TestConfig.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.bot.slack.Ids;
import dev.greenlight.sandbox.SentEnvelope;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Socket Mode connection drops (no disconnect message) between the card and the click: Bolt
 * reconnects, the click Slack held meanwhile is delivered and handled, and the action runs once.
 */
class SocketDropBeforeClickIT extends LoopFixture {

  @Test
  void boltReconnectsAndTheClickIsHandled() throws Exception {
    String channel = newChannel();
    String id =
        incidentId(
            ackText(
                slack.sendSlashCommand(
                    "U0DAVE", channel, "/remediate", "checkout-api " + OOM_TEXT)));
    var card = awaitButtons(channel);
    awaitReply(channel, "Waiting for approval");
    int opens = slack.calls("apps.connections.open").size();

    slack.faults().dropSocket();
    SentEnvelope click = slack.clickButton(ALICE, card, Ids.APPROVE_ACTION);

    assertThat(click.ack().get(60, TimeUnit.SECONDS)).isNotNull();
    assertThat(slack.calls("apps.connections.open")).hasSizeGreaterThan(opens);
    awaitReply(channel, "Recovered", Duration.ofSeconds(60));
    assertThat(replies(channel)).contains("Approved by <@U0ALICE>.");
    assertThat(actionsOf(id)).hasSize(1);
  }
}
