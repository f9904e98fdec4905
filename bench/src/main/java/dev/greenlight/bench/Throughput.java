package dev.greenlight.bench;

import dev.greenlight.api.PolicySnapshot;
import dev.greenlight.bot.slack.Ids;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * 5. Throughput: n auto-approved slash commands at once, until every incident posted RECOVERED;
 * baseline the same n workflows started directly with {@code WorkflowClient.start}.
 */
final class Throughput {
  private Throughput() {}

  /** One run of n incidents: rate, per-incident latency, activity lag, CPU shares. */
  private record Run(
      double perSecond, Stats latency, Stats lag, double harnessCpu, double serverCpu) {}

  private static long processCpu() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return 0;
  }

  private static Run run(Loop loop, int n, boolean viaSlack) throws Exception {
    Queue<Long> lag = loop.notifier.startLag();
    long cpu0 = processCpu();
    long srv0 = serverCpu(loop);
    Map<String, Long> sent = new HashMap<>();
    long t0 = System.nanoTime();
    PolicySnapshot policy = loop.config.policySnapshot();
    for (int i = 0; i < n; i++) {
      String ch = Loop.newChannel();
      sent.put(ch, System.nanoTime());
      if (viaSlack) {
        loop.slack.sendSlashCommand(Loop.ALICE, ch, Ids.COMMAND, Loop.AUTO_TEXT);
      } else {
        Incidents.start(
            loop.temporal.client(), "raw-" + ch, "the cache serves stale data", ch, policy);
      }
    }
    List<Long> lat = new ArrayList<>();
    long last = t0;
    for (Map.Entry<String, Long> e : sent.entrySet()) {
      long done = loop.notifier.done(e.getKey()).get(Loop.WAIT.toSeconds() * 5, TimeUnit.SECONDS);
      lat.add(done - e.getValue());
      last = Math.max(last, done);
    }
    long wall = last - t0;
    loop.notifier.stopLag();
    int cores = Runtime.getRuntime().availableProcessors();
    return new Run(
        n / (wall / 1e9),
        Stats.of(lat),
        Stats.of(lag),
        100.0 * (processCpu() - cpu0) / (wall * (double) cores),
        100.0 * (serverCpu(loop) - srv0) / (wall * (double) cores));
  }

  /** The dev server's CPU time; 0 for the embedded server, whose CPU is the harness JVM's. */
  private static long serverCpu(Loop loop) {
    return loop.devServer == null ? 0 : loop.devServer.cpuNanos();
  }

  static void measure(Loop loop, Size size, Table t) throws Exception {
    int n = size.throughput();
    run(loop, Math.min(n, 10), true); // warm-up
    Run slack = run(loop, n, true);
    Run raw = run(loop, n, false);
    String note =
        n + " incidents at once; baseline = the same workflows started with WorkflowClient.start";
    String lagNote = "n=" + slack.lag().n();
    String cpuNote = "share of all cores over the run";
    Rows rows =
        (id, metric, f, unit, why) ->
            t.add(id, metric, f.applyAsDouble(slack), f.applyAsDouble(raw), unit, "-", why);
    rows.add("throughput", "Throughput, slash command -> verified", Run::perSecond, "inc/s", note);
    rows.add("e2e_p50", "  per-incident latency, p50", r -> r.latency().p50(), "ms", note);
    rows.add("e2e_p99", "  per-incident latency, p99", r -> r.latency().p99(), "ms", note);
    rows.add(
        "task_lag_p50",
        "  activity schedule-to-start, p50 (Temporal task latency)",
        r -> r.lag().p50(),
        "ms",
        lagNote + "; ms resolution (server timestamps)");
    rows.add(
        "task_lag_p99", "  activity schedule-to-start, p99", r -> r.lag().p99(), "ms", lagNote);
    rows.add(
        "cpu_harness",
        loop.devServer == null
            ? "  CPU, harness JVM (Slack server + Bolt + worker + Temporal)"
            : "  CPU, harness JVM (Slack server + Bolt + worker)",
        Run::harnessCpu,
        "%",
        cpuNote);
    if (loop.devServer != null) {
      rows.add("cpu_dev_server", "  CPU, dev-server JVM (Temporal)", Run::serverCpu, "%", cpuNote);
    }
  }

  /** A row comparing the Slack run with the raw run on one figure. */
  private interface Rows {
    void add(String id, String metric, ToDoubleFunction<Run> figure, String unit, String note);
  }
}
