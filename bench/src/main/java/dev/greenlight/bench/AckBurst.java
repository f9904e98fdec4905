package dev.greenlight.bench;

import dev.greenlight.api.PolicySnapshot;
import dev.greenlight.bot.slack.Ids;
import dev.greenlight.bot.slack.SlackConcurrency;
import dev.greenlight.sandbox.Message;
import dev.greenlight.sandbox.SentEnvelope;
import dev.greenlight.workflows.RemediationWorkflow;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * 2. Ack latency under a burst: n human-gated slash commands back to back, then their n cards
 * clicked back to back, measured by the sandbox from envelope send to ack; baseline a burst of
 * {@code /remediate help} (acked without touching Temporal).
 */
final class AckBurst {
  private AckBurst() {}

  private static Stats acks(List<SentEnvelope> sent) throws Exception {
    List<Long> l = new ArrayList<>();
    for (SentEnvelope e : sent) {
      l.add(e.ack().get(Loop.WAIT.toSeconds(), TimeUnit.SECONDS).latency().toNanos());
    }
    return Stats.of(l);
  }

  /**
   * n incidents started at once through Temporal alone, as many at a time as Bolt has handlers (the
   * slash commands' baseline: what Temporal takes to start them); each latency from the burst's
   * start to its start's return. The incidents then wait at their gates.
   */
  private static Stats rawStarts(Loop loop, List<String> chs) throws Exception {
    PolicySnapshot policy = loop.config.policySnapshot();
    String text = Loop.HUMAN_TEXT.substring(Loop.HUMAN_TEXT.indexOf(' ') + 1);
    return atOnce(
        chs.size(),
        i ->
            Incidents.start(loop.temporal.client(), "raw-" + chs.get(i), text, chs.get(i), policy));
  }

  /**
   * The incidents of {@code chs}, parked at the gate, then their n {@code decide} signals submitted
   * at once to as many threads as Bolt has handlers; each latency from the burst's start to its
   * signal's return.
   */
  private static Stats rawSignals(Loop loop, List<String> chs) throws Exception {
    List<RemediationWorkflow> wfs = new ArrayList<>();
    List<String> nonces = new ArrayList<>();
    for (String ch : chs) {
      loop.notifier.atGate(ch).get(Loop.WAIT.toSeconds() * 3, TimeUnit.SECONDS);
      wfs.add(Incidents.workflow(loop.temporal.client(), loop.notifier.workflowId(ch)));
      nonces.add(loop.notifier.nonce(ch));
    }
    Thread.sleep(200);
    Stats s = atOnce(chs.size(), i -> wfs.get(i).decide(Incidents.approve(nonces.get(i))));
    for (String ch : chs) {
      loop.notifier.done(ch).get(Loop.WAIT.toSeconds() * 3, TimeUnit.SECONDS);
    }
    return s;
  }

  /** Runs {@code call(0..n-1)} at once on Bolt's number of threads; latencies from the start. */
  private static Stats atOnce(int n, IntConsumer call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(SlackConcurrency.fromEnv(System.getenv()));
    try {
      List<Future<Long>> done = new ArrayList<>();
      long t0 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        int k = i;
        done.add(
            pool.submit(
                () -> {
                  call.accept(k);
                  return System.nanoTime() - t0;
                }));
      }
      List<Long> l = new ArrayList<>();
      for (Future<Long> f : done) {
        l.add(f.get(Loop.WAIT.toSeconds(), TimeUnit.SECONDS));
      }
      return Stats.of(l);
    } finally {
      pool.shutdownNow();
    }
  }

  static void measure(Loop loop, Size size, Table t) throws Exception {
    int n = size.burst();
    List<SentEnvelope> help = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      help.add(loop.slack.sendSlashCommand(Loop.ALICE, Loop.newChannel(), Ids.COMMAND, "help"));
    }
    Stats base = acks(help);
    List<String> chs = new ArrayList<>();
    List<SentEnvelope> slash = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String ch = Loop.newChannel();
      chs.add(ch);
      slash.add(loop.slack.sendSlashCommand(Loop.ALICE, ch, Ids.COMMAND, Loop.HUMAN_TEXT));
    }
    Stats s = acks(slash);
    for (String ch : chs) {
      loop.notifier.atGate(ch).get(Loop.WAIT.toSeconds() * 3, TimeUnit.SECONDS);
    }
    Thread.sleep(200);
    List<Message> cards = new ArrayList<>();
    for (String ch : chs) {
      cards.add(loop.slack.messages(ch).get(0));
    }
    List<SentEnvelope> clicks = new ArrayList<>();
    for (Message card : cards) {
      clicks.add(loop.slack.clickButton(Loop.ALICE, card, Ids.APPROVE_ACTION));
    }
    Stats c = acks(clicks);
    for (String ch : chs) {
      loop.notifier.done(ch).get(Loop.WAIT.toSeconds() * 3, TimeUnit.SECONDS);
    }
    List<String> rawChs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rawChs.add(Loop.newChannel());
    }
    Stats rawStart = rawStarts(loop, rawChs);
    Stats raw = rawSignals(loop, rawChs);
    String note = n + " sent back to back; baseline = `/remediate help` burst (acks, no Temporal)";
    String goal = "p99 < 100 ms";
    t.add("ack_slash_p50", "Ack, slash command burst, p50", s.p50(), base.p50(), "ms", "-", note);
    t.add("ack_slash_p99", "Ack, slash command burst, p99", s.p99(), base.p99(), "ms", goal, note);
    t.add(
        "ack_slash_max", "Ack, slash command burst, max", s.maxMs(), base.maxMs(), "ms", "-", note);
    t.add("ack_click_p50", "Ack, click burst, p50", c.p50(), base.p50(), "ms", "-", note);
    t.add("ack_click_p99", "Ack, click burst, p99", c.p99(), base.p99(), "ms", goal, note);
    t.add("ack_click_max", "Ack, click burst, max", c.maxMs(), base.maxMs(), "ms", "-", note);
    String startNote =
        "baseline = the same burst as "
            + n
            + " WorkflowClient.start at once from "
            + SlackConcurrency.fromEnv(System.getenv())
            + " threads (Bolt's handlers), no Slack: what Temporal takes to start them";
    t.add(
        "ack_slash_raw_p50",
        "  slash burst ack against raw starts, p50",
        s.p50(),
        rawStart.p50(),
        "ms",
        "-",
        startNote);
    t.add(
        "ack_slash_raw_p99",
        "  slash burst ack against raw starts, p99",
        s.p99(),
        rawStart.p99(),
        "ms",
        "-",
        startNote);
    String rawNote =
        "baseline = the same burst as "
            + n
            + " decide signals at once from "
            + SlackConcurrency.fromEnv(System.getenv())
            + " threads (Bolt's handlers), no Slack: what Temporal takes to store them";
    t.add(
        "ack_click_raw_p50",
        "  click burst ack against raw signals, p50",
        c.p50(),
        raw.p50(),
        "ms",
        "-",
        rawNote);
    t.add(
        "ack_click_raw_p99",
        "  click burst ack against raw signals, p99",
        c.p99(),
        raw.p99(),
        "ms",
        "-",
        rawNote);
  }
}
