package dev.greenlight.bot.durability;

import static dev.greenlight.bot.e2e.TestConfig.ALICE;
import static dev.greenlight.bot.e2e.TestConfig.OOM_TEXT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.bot.slack.Ids;
import dev.greenlight.sandbox.Message;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chaos over 20 incidents, in rounds of 5, with the worker, the bot and the dev server as separate
 * processes killed with SIGKILL: each round kills the worker or the bot or both, at a step chosen
 * at random (at the gate, or between two approvals of the round), and starts them again. Then the
 * dev server itself is killed while two incidents wait. Asserted: no approved incident lost, none
 * run twice, every card truthful (the outcome and no buttons; a thread telling each step once), and
 * the incidents the dev server forgot are told as lost, their cards without buttons, nothing run.
 *
 * <p>The seed is logged; {@code -Dgreenlight.chaos.seed=N} replays a run. Worker kills happen only
 * while the incidents wait at the gate: a worker killed inside the remediation's activity is
 * retried after its 5-minute timeout, which would make this test slow, not show more.
 */
class ChaosIT extends DurabilityFixture {
  private static final Logger log = LoggerFactory.getLogger(ChaosIT.class);
  private static final int PER_ROUND = 5;

  private enum Kill {
    WORKER_AT_GATE,
    BOT_AT_GATE,
    BOT_BETWEEN_APPROVALS,
    WORKER_AND_BOT_AT_GATE
  }

  private GreenlightProcess worker;
  private GreenlightProcess bot;
  private int channels;

  @Test
  void killsAtRandomStepsLoseNothingRunNothingTwiceAndEveryCardTellsTheTruth() throws Exception {
    long seed = Long.getLong("greenlight.chaos.seed", System.nanoTime());
    log.info("Chaos seed {} (replay with -Dgreenlight.chaos.seed={})", seed, seed);
    Random random = new Random(seed);
    worker = spawnWorker();
    bot = spawnBot();
    awaitWorker(worker);
    awaitBot(bot);

    Map<String, String> channelOf = new LinkedHashMap<>();
    List<String> kills = new ArrayList<>();
    // Every kind of kill once a run, in a random order, each at a random step.
    List<Kill> plan = new ArrayList<>(List.of(Kill.values()));
    java.util.Collections.shuffle(plan, random);
    for (Kill kill : plan) {
      Map<String, Message> cards = park(PER_ROUND, channelOf);
      int before = random.nextInt(PER_ROUND); // approvals clicked before a between-approvals kill
      kills.add(kill + (kill == Kill.BOT_BETWEEN_APPROVALS ? " after " + before : ""));
      List<Message> toClick = new ArrayList<>(cards.values());
      switch (kill) {
        case WORKER_AT_GATE -> restartWorker();
        case BOT_AT_GATE -> restartBot();
        case WORKER_AND_BOT_AT_GATE -> {
          restartWorker();
          restartBot();
        }
        case BOT_BETWEEN_APPROVALS -> {
          approve(toClick.subList(0, before));
          toClick = toClick.subList(before, toClick.size());
          restartBot();
        }
      }
      approve(toClick);
      cards.keySet().forEach(id -> awaitReply(channelOf.get(id), "Recovered"));
    }
    log.info("Chaos kills by round: {}", kills);

    for (Map.Entry<String, String> e : channelOf.entrySet()) {
      String id = e.getKey();
      String channel = e.getValue();
      assertThat(targets.actionsOfIncident(id)).as("actions of %s (%s)", id, kills).hasSize(1);
      assertTruthful(id, channel, kills);
    }
    forgottenByTheDevServer();
  }

  /** The dev server dies with two incidents waiting: both are told as lost, nothing runs. */
  private void forgottenByTheDevServer() throws Exception {
    Map<String, String> channelOf = new LinkedHashMap<>();
    Map<String, Message> cards = park(2, channelOf);
    if (!killAndRestartDevServer()) {
      log.info("An external Temporal is in use: the dev server is not killed");
      return;
    }
    restartWorker();
    restartBot();
    approve(List.copyOf(cards.values()));
    awaitUntil(
        "both lost incidents to be told as lost",
        () -> slack.ephemerals(ALICE).stream().filter(m -> m.text().contains("was lost")).count(),
        n -> n >= 2);
    for (Map.Entry<String, Message> c : cards.entrySet()) {
      String channel = channelOf.get(c.getKey());
      awaitUntil(
          "the lost card in " + channel + " to lose its buttons",
          () -> slack.message(channel, c.getValue().ts()).orElseThrow().blocks().toString(),
          b -> !b.contains(Ids.APPROVE_ACTION));
      assertThat(targets.actionsOfIncident(c.getKey())).isEmpty();
    }
  }

  /** Starts {@code count} incidents, each in its own channel, and waits until all are parked. */
  private Map<String, Message> park(int count, Map<String, String> channelOf) throws Exception {
    Map<String, String> started = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      String channel = "C0CHAOS" + (++channels);
      started.put(startIncident("U0DAVE", channel, "checkout-api " + OOM_TEXT), channel);
    }
    Map<String, Message> cards = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : started.entrySet()) {
      cards.put(e.getKey(), awaitButtons(e.getValue()));
      awaitParkedAtGate(e.getKey());
    }
    channelOf.putAll(started);
    return cards;
  }

  /** Alice approves each card; each click is acked (so its signal is stored) before the next. */
  private void approve(List<Message> cards) throws Exception {
    for (Message card : cards) {
      slack.clickButton(ALICE, card, Ids.APPROVE_ACTION).ack().get(30, TimeUnit.SECONDS);
    }
  }

  private void restartWorker() {
    worker.killHard();
    worker = spawnWorker();
    awaitWorker(worker);
  }

  private void restartBot() {
    killBot(bot);
    bot = spawnBot();
    awaitBot(bot);
  }

  /** The card shows the outcome and no buttons; its thread tells each step once. */
  private void assertTruthful(String id, String channel, List<String> kills) {
    String card =
        awaitUntil(
            "the card of " + id + " to show the outcome",
            () -> slack.messages(channel).get(0).blocks().toString(),
            b -> b.contains("Recovered") && !b.contains(Ids.APPROVE_ACTION));
    assertThat(card).as("card of %s", id).contains("Approved by <@" + ALICE + ">");
    assertThat(slack.messages(channel)).as("cards of %s", id).hasSize(1);
    List<String> thread = replies(channel);
    for (String step : List.of("Waiting for approval", "Approved by", "Remediation started")) {
      assertThat(thread)
          .as("'%s' replies of %s (%s)", step, id, kills)
          .filteredOn(r -> r.startsWith(step))
          .hasSize(1);
    }
    assertThat(thread).as("thread of %s", id).filteredOn(r -> r.contains("Recovered")).hasSize(1);
  }
}
