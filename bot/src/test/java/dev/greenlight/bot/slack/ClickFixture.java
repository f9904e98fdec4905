package dev.greenlight.bot.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.model.block.element.BlockElement;
import dev.greenlight.config.ConfigLoader;
import dev.greenlight.config.GreenlightConfig;
import dev.greenlight.sandbox.Ack;
import dev.greenlight.sandbox.Message;
import dev.greenlight.sandbox.SentEnvelope;
import dev.greenlight.sandbox.SlackServer;
import dev.greenlight.sandbox.View;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The real Bolt app in Socket Mode against the sandbox Slack, with {@link FakeIncidents} in place
 * of Temporal: clicks go through the bot's whole click path, and the fake shows what reached the
 * Temporal boundary.
 */
abstract class ClickFixture {
  static final String WORKFLOW = "incident-GL-TESTTEST";
  static final String NONCE = "nonce-1";
  static final String CHANNEL = "C0CLICKS";
  static final String ALICE = "U0ALICE";
  static final String MALLORY = "U0MALLORY";

  final FakeIncidents incidents = new FakeIncidents();
  SlackServer slack;
  private SocketModeApp socket;

  @BeforeEach
  void startBot() throws Exception {
    slack = SlackServer.start();
    SlackSettings settings = new SlackSettings(slack.botToken(), slack.appToken(), slack.apiUrl());
    socket =
        dev.greenlight.bot.Greenlight.connectSocketMode(
            slack.appToken(), GreenlightApp.create(settings, config(), incidents));
    assertThat(slack.awaitConnected(Duration.ofSeconds(10))).isTrue();
  }

  /** The configuration the bot runs with: the demo's, whose approvers are Alice and Bob. */
  GreenlightConfig config() throws Exception {
    return ConfigLoader.loadDemo();
  }

  @AfterEach
  void stopBot() throws Exception {
    socket.close();
    slack.close();
  }

  /** Posts a card whose gate buttons all carry {@code value}, as the bot would, and returns it. */
  Message card(String value) throws Exception {
    return post(
        List.of(
            button(b -> b.actionId(Ids.APPROVE_ACTION).text(plainText("Approve")).value(value)),
            button(b -> b.actionId(Ids.REJECT_ACTION).text(plainText("Reject")).value(value)),
            button(b -> b.actionId(Ids.SNOOZE_30_ACTION).text(plainText("Snooze")).value(value))));
  }

  /** Posts a card with a runbook menu whose one option carries {@code value}. */
  Message menu(String value) throws Exception {
    return post(
        List.of(
            staticSelect(
                s ->
                    s.actionId(Ids.PICK_ACTION)
                        .placeholder(plainText("Pick a runbook"))
                        .options(List.of(option(plainText("restart"), value))))));
  }

  /** A button value Greenlight made for this fixture's gate. */
  static String ours() {
    return new ButtonValue(WORKFLOW, NONCE).encode();
  }

  private Message post(List<BlockElement> elements) throws Exception {
    var methods = GreenlightApp.slack(slack.apiUrl()).methods(slack.botToken());
    var posted =
        methods.chatPostMessage(
            r ->
                r.channel(CHANNEL)
                    .text("card")
                    .blocks(
                        List.of(
                            section(s -> s.text(markdownText("An incident"))),
                            actions(a -> a.blockId(Ids.GATE_BLOCK).elements(elements)))));
    assertThat(posted.isOk()).isTrue();
    return slack.message(CHANNEL, posted.getTs()).orElseThrow();
  }

  /** Clicks Reject as {@code user}, waits for the form, and submits it with {@code reason}. */
  Ack reject(String user, Message card, String reason) throws Exception {
    ack(slack.clickButton(user, card, Ids.REJECT_ACTION));
    View form =
        await().atMost(Duration.ofSeconds(10)).until(slack::views, v -> !v.isEmpty()).get(0);
    return ack(
        slack.submitView(user, form, Map.of(Ids.REASON_BLOCK + "." + Ids.REASON_INPUT, reason)));
  }

  /** What {@code user} was told privately, in order. */
  List<String> toldTo(String user) {
    return slack.ephemerals(user).stream().map(Message::text).toList();
  }

  /** The card edits the bot made so far: none, the workflow draws every state of a card. */
  long cardEdits() {
    return slack.calls("chat.update").size();
  }

  static Ack ack(SentEnvelope e) throws Exception {
    return e.ack().get(10, TimeUnit.SECONDS);
  }
}
