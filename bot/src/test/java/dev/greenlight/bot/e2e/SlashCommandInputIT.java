package dev.greenlight.bot.e2e;

import static dev.greenlight.bot.e2e.TestConfig.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.sandbox.Message;
import dev.greenlight.sandbox.SentEnvelope;
import org.junit.jupiter.api.Test;

class SlashCommandInputIT extends LoopFixture {

  @Test
  void helpAndBareCommandPrintUsage() throws Exception {
    assertThat(ackText(slack.sendSlashCommand("U0DAVE", newChannel(), "/remediate", "help")))
        .contains("Usage");
    assertThat(ackText(slack.sendSlashCommand("U0DAVE", newChannel(), "/remediate", "")))
        .contains("Usage");
  }

  @Test
  void unknownServiceAndMissingDescriptionAreExplainedAndStartNothing() throws Exception {
    String channel = newChannel();
    assertThat(
            ackText(slack.sendSlashCommand("U0DAVE", channel, "/remediate", "billing pods down")))
        .contains("Unknown service `billing`", "checkout-api");
    assertThat(ackText(slack.sendSlashCommand("U0DAVE", channel, "/remediate", "checkout-api")))
        .contains("Say what is wrong");
    Thread.sleep(500);
    assertThat(slack.messages(channel)).isEmpty();
  }

  @Test
  void redeliveredCommandStartsOneIncident() throws Exception {
    String channel = newChannel();
    SentEnvelope first =
        slack.sendSlashCommand("U0DAVE", channel, "/remediate", "search-api " + OOM_TEXT);
    String id = ackText(first).replaceAll("(?s).*Incident (GL-[A-Z0-9]+).*", "$1");
    assertThat(ackText(slack.redeliver(first))).contains(id, "already started");
    awaitButtons(channel);
    Thread.sleep(1000);
    assertThat(slack.messages(channel)).hasSize(1);
  }

  @Test
  void mentionsAndMarkdownInTheReportAreNeutralised() throws Exception {
    String channel = newChannel();
    ack(
        slack.sendSlashCommand(
            "U0DAVE",
            channel,
            "/remediate",
            "checkout-api <!channel> <@U0ALICE> *pods* OOMKilled <https://evil.example|click>"));
    Message card = awaitButtons(channel);
    String blocks = card.blocks().get(1).toString();
    assertThat(blocks).doesNotContain("<!channel>", "<@U0ALICE>", "*pods*", "<https://evil");
    assertThat(blocks).contains("&lt;!channel&gt;", "&lt;@U0ALICE&gt;");
  }
}
