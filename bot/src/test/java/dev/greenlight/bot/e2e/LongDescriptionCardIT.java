package dev.greenlight.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.sandbox.Message;
import org.junit.jupiter.api.Test;

/**
 * The longest description accepted (2,000 characters) made of what escaping grows ({@code &},
 * {@code <}, newlines): the card still fits Slack's limits, which the sandbox enforces as Slack
 * does ({@code invalid_blocks}), so it is posted, cut visibly, and nothing was lost.
 */
class LongDescriptionCardIT extends LoopFixture {

  @Test
  void aMaximalDescriptionOfEscapedCharactersStillGivesACard() throws Exception {
    String channel = newChannel();
    String description = "pods OOMKilled " + "&<>\n".repeat(496);
    assertThat(description).hasSizeLessThanOrEqualTo(2_000);

    String id =
        incidentId(
            ackText(
                slack.sendSlashCommand(
                    "U0DAVE", channel, "/remediate", "checkout-api " + description)));

    Message card = awaitButtons(channel);
    assertThat(card.blocks().toString()).contains("truncated");
    assertThat(audit(id)).doesNotContain("notification failed");
  }
}
