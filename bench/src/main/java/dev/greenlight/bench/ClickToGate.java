package dev.greenlight.bench;

import dev.greenlight.bot.slack.Ids;
import dev.greenlight.sandbox.Ack;
import dev.greenlight.sandbox.Message;
import dev.greenlight.sandbox.SentEnvelope;
import dev.greenlight.workflows.RemediationWorkflow;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * 1. Click -> gate released: from the sandbox's write of the {@code block_actions} envelope to the
 * socket to the start of the workflow's first post-gate activity; baseline the raw {@code decide}
 * signal. Slack and raw interleaved, each on a fresh incident waiting at the gate. The same clicks
 * are also reported from the sandbox's call (building the payload from the stored card included:
 * Slack's side of a click), the row's definition until 2026-12-01.
 */
final class ClickToGate {
  private static final int WARMUP = 3;

  private ClickToGate() {}

  /** Starts one human-gated incident through Slack and waits until it waits at the gate. */
  static String gatedIncident(Loop loop) throws Exception {
    String ch = Loop.newChannel();
    loop.slack.sendSlashCommand(Loop.ALICE, ch, Ids.COMMAND, Loop.HUMAN_TEXT);
    loop.notifier.atGate(ch).get(Loop.WAIT.toSeconds(), TimeUnit.SECONDS);
    Thread.sleep(100); // let the workflow task that awaits the gate complete
    return ch;
  }

  private static RemediationWorkflow workflow(Loop loop, String ch) {
    return Incidents.workflow(loop.temporal.client(), loop.notifier.workflowId(ch));
  }

  static void measure(Loop loop, Size size, Table t) throws Exception {
    List<Long> viaSlack = new ArrayList<>();
    List<Long> raw = new ArrayList<>();
    List<Long> fromCall = new ArrayList<>();
    List<Long> acks = new ArrayList<>();
    for (int i = 0; i < WARMUP + size.clickPairs(); i++) {
      boolean slackFirst = i % 2 == 0;
      for (int k = 0; k < 2; k++) {
        boolean slack = (k == 0) == slackFirst;
        String ch = gatedIncident(loop);
        long t0;
        SentEnvelope click = null;
        if (slack) {
          Message card = loop.slack.messages(ch).get(0);
          t0 = System.nanoTime();
          click = loop.slack.clickButton(Loop.ALICE, card, Ids.APPROVE_ACTION);
        } else {
          RemediationWorkflow wf = workflow(loop, ch);
          t0 = System.nanoTime();
          wf.decide(Incidents.approve(loop.notifier.nonce(ch)));
        }
        long t1 = loop.notifier.pastGate(ch).get(Loop.WAIT.toSeconds(), TimeUnit.SECONDS);
        if (i >= WARMUP) {
          if (click != null) {
            Ack ack = click.ack().get(Loop.WAIT.toSeconds(), TimeUnit.SECONDS);
            acks.add(ack.latency().toNanos());
            fromCall.add(t1 - t0);
            viaSlack.add(t1 - ack.sentAtNanos());
          } else {
            raw.add(t1 - t0);
          }
        }
        loop.notifier.done(ch).get(Loop.WAIT.toSeconds(), TimeUnit.SECONDS);
      }
    }
    // The gate() query the click handler made before its signal until issue 14, and the signal,
    // each call alone: what the query would cost on this server.
    List<Long> queries = new ArrayList<>();
    List<Long> signals = new ArrayList<>();
    for (int i = 0; i < Math.max(3, size.clickPairs() / 2); i++) {
      String ch = gatedIncident(loop);
      RemediationWorkflow wf = workflow(loop, ch);
      long t0 = System.nanoTime();
      wf.gate();
      queries.add(System.nanoTime() - t0);
      t0 = System.nanoTime();
      wf.decide(Incidents.approve(loop.notifier.nonce(ch)));
      signals.add(System.nanoTime() - t0);
      loop.notifier.done(ch).get(Loop.WAIT.toSeconds(), TimeUnit.SECONDS);
    }
    Stats s = Stats.of(viaSlack);
    Stats r = Stats.of(raw);
    String note =
        "n="
            + s.n()
            + " pairs, interleaved; from the envelope's write to the socket to the first post-gate"
            + " activity's start; baseline = WorkflowStub signal, no Slack";
    t.add("click_gate_p50", "Click -> gate released, p50", s.p50(), r.p50(), "ms", "<= 1.3x", note);
    t.add("click_gate_p99", "Click -> gate released, p99", s.p99(), r.p99(), "ms", "<= 1.5x", note);
    Stats c = Stats.of(fromCall);
    t.add(
        "click_gate_call_p50",
        "  the same from the sandbox's call (payload building included), p50",
        c.p50(),
        r.p50(),
        "ms",
        "-",
        "t0 before the sandbox builds the block_actions payload from the stored card (Slack's"
            + " side); the click_gate rows' definition until 2026-12-01");
    Stats q = Stats.of(queries);
    Stats g = Stats.of(signals);
    Stats a = Stats.of(acks);
    t.add(
        "click_ack_p50",
        "  of which the click's ack (Socket Mode + Bolt + signal), p50",
        a.p50(),
        g.p50(),
        "ms",
        "-",
        "the same n clicks, latency measured by the sandbox; baseline = the decide signal RPC alone"
            + " (n="
            + g.n()
            + ")");
    t.add(
        "click_query_p50",
        "  gate() query alone (no longer on the click path), p50",
        q.p50(),
        g.p50(),
        "ms",
        "-",
        "baseline = the decide signal RPC alone (n=" + q.n() + ")");
  }
}
