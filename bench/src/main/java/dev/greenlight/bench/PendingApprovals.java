package dev.greenlight.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.api.PolicySnapshot;
import dev.greenlight.bot.slack.ButtonValue;
import dev.greenlight.bot.slack.Ids;
import dev.greenlight.config.ConfigLoader;
import dev.greenlight.sandbox.Message;
import dev.greenlight.sandbox.SlackServer;
import dev.greenlight.worker.TemporalConnection;
import dev.greenlight.worker.WorkerTuning;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * 4. Pending approvals: the worker in its own JVM ({@link WorkerProcess}, {@link WorkerJvm}); heap
 * after GC and live threads with n workflows waiting at the gate against the idle worker, then the
 * time to release them all (one Reject each) against the time to send the signals. Before each
 * fill, the {@link Floor}: n workflows that only wait, brought to their wait and released the same
 * way.
 */
final class PendingApprovals {
  private static final int CLIENT_THREADS = 8;

  private PendingApprovals() {}

  private static void awaitCount(SlackServer slack, String method, int count, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (slack.calls(method).size() < count) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            method + ": " + slack.calls(method).size() + " of " + count + " after " + timeout);
      }
      Thread.sleep(100);
    }
  }

  private static ButtonValue buttonValue(Message card) {
    for (JsonNode block : card.blocks()) {
      for (JsonNode el : block.path("elements")) {
        if (Ids.APPROVE_ACTION.equals(el.path("action_id").asText())) {
          return ButtonValue.decode(el.path("value").asText()).orElseThrow();
        }
      }
    }
    throw new IllegalStateException("card without buttons: " + card.ts());
  }

  private static void allOf(List<CompletableFuture<Void>> futures) throws Exception {
    CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get();
  }

  /**
   * Runs the pending sizes against {@code server}: {@link Loop.Server#DEV_SERVER}, a fresh
   * standalone dev server with the worker in a JVM of its own (sticky execution off), or {@link
   * Loop.Server#EMBEDDED}, the worker's JVM starting the embedded server as {@code run} does
   * (sticky execution on). Rows get the server's prefix.
   */
  static void measure(Size size, Table all, Loop.Server server) throws Exception {
    boolean embedded = server == Loop.Server.EMBEDDED;
    if (!embedded && server != Loop.Server.DEV_SERVER) {
      throw new IllegalArgumentException("pending approvals run on dev-server or embedded");
    }
    Table t = all.under(server.idPrefix, server.metricSuffix);
    Loop.StartedDevServer dev = embedded ? null : Loop.startDevServer("dev-server-pending");
    ExecutorService pool = Executors.newFixedThreadPool(CLIENT_THREADS);
    try (SlackServer slack = SlackServer.start();
        Targets targets = new Targets();
        JavaProcess devProcess = dev == null ? null : dev.process()) {
      Path config = Loop.writeConfig(targets.baseUrl());
      Map<String, String> env = new HashMap<>();
      if (dev != null) {
        env.put("TEMPORAL_ADDRESS", "127.0.0.1:" + dev.port());
      }
      env.put("SLACK_BOT_TOKEN", slack.botToken());
      env.put("SLACK_API_URL", slack.apiUrl());
      env.put("GREENLIGHT_CONFIG", config.toString());
      env.put("GREENLIGHT_LOG_LEVEL", "WARN");
      // The worker's capacity knobs, as the harness was given them (defaults otherwise).
      System.getenv()
          .forEach(
              (k, v) -> {
                if (k.startsWith("GREENLIGHT_WORKER_")) {
                  env.put(k, v);
                }
              });
      String tuning = WorkerTuning.fromEnv(env, embedded).toString();
      try (WorkerJvm worker =
              WorkerJvm.start("worker-pending" + (embedded ? "-embedded" : ""), env);
          TemporalConnection temporal =
              TemporalConnection.connect(Map.of("TEMPORAL_ADDRESS", worker.temporalAddress()))) {
        PolicySnapshot policy =
            ConfigLoader.parse(Files.readString(config), "bench.yml").policySnapshot();
        long[] idle = worker.stats();
        t.add(
            "pending_0_heap",
            "Worker heap after GC, idle",
            idle[0] / 1048576.0,
            Double.NaN,
            "MiB",
            "-",
            (embedded
                    ? "worker and the embedded server in one JVM (`WorkerProcess`, as `run`)"
                    : "worker JVM alone (`WorkerProcess`)")
                + ", default heap settings; threads "
                + idle[1]
                + "; worker "
                + tuning);
        int posts = 0;
        int updates = 0;
        for (int n : size.pending()) {
          String ch = "CPEND" + n;
          Duration timeout = Duration.ofSeconds(60 + n / 5);
          worker.floor(true);
          Floor.Times floor = Floor.run(temporal.client(), pool, targets, n, timeout);
          worker.floor(false);
          t.add(
              "pending_" + n + "_floor",
              "  floor: " + n + " workflows that only wait, to their wait",
              floor.filled() / 1e9,
              floor.started() / 1e9,
              "s",
              "-",
              "one local activity, then the wait (`Floor`), same worker JVM, options and server;"
                  + " baseline = sending its starts");
          t.add(
              "pending_" + n + "_floor_release",
              "  floor: release them",
              floor.released() / 1e6,
              floor.signalled() / 1e6,
              "ms",
              "-",
              "baseline = sending the signals");
          long[] afterFloor = worker.stats();
          t.add(
              "pending_" + n + "_floor_heap",
              "  heap after GC, the floor's " + n + " closed",
              afterFloor[0] / 1048576.0,
              idle[0] / 1048576.0,
              "MiB",
              "-",
              embedded
                  ? "baseline = idle; the embedded server keeps every closed workflow in memory"
                  : "baseline = idle worker; closed workflows live in the dev server's JVM");
          long t0 = System.nanoTime();
          List<CompletableFuture<Void>> starts = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            String id = "pend-" + n + "-" + i;
            starts.add(
                CompletableFuture.runAsync(
                    () ->
                        Incidents.start(
                            temporal.client(), id, "pods OOMKilled and restarting", ch, policy),
                    pool));
          }
          allOf(starts);
          long started = System.nanoTime() - t0;
          posts += 3 * n; // card, "classified", "awaiting approval"
          awaitCount(slack, "chat.postMessage", posts, timeout);
          long fill = System.nanoTime() - t0;
          long[] at = worker.stats();
          t.add(
              "pending_" + n + "_heap",
              "Worker heap after GC, " + n + " waiting at the gate",
              at[0] / 1048576.0,
              idle[0] / 1048576.0,
              "MiB",
              "flat",
              "baseline = idle worker; fill took "
                  + Table.num(fill / 1e9)
                  + " s; "
                  + Table.num((at[0] - afterFloor[0]) / 1048576.0)
                  + " MiB more than after the floor");
          t.add(
              "pending_" + n + "_fill",
              "Fill " + n + " (starts -> every card at the gate)",
              fill / 1e9,
              started / 1e9,
              "s",
              n >= 10_000 ? "< 120 s" : "-",
              "baseline = sending the "
                  + n
                  + " starts ("
                  + CLIENT_THREADS
                  + " client threads); "
                  + Table.num(fill / (double) floor.filled())
                  + "x the floor's fill");
          t.add(
              "pending_" + n + "_threads",
              "Worker live threads, " + n + " waiting",
              at[1],
              idle[1],
              "threads",
              "flat",
              "baseline = idle worker");
          // Release them all: one Reject each (the gate, without the remediation behind it).
          List<CompletableFuture<Void>> signals = new ArrayList<>();
          long r0 = System.nanoTime();
          for (Message card : slack.messages(ch)) {
            ButtonValue v = buttonValue(card);
            signals.add(
                CompletableFuture.runAsync(
                    () ->
                        Incidents.workflow(temporal.client(), v.workflowId())
                            .decide(Incidents.reject(v.nonce())),
                    pool));
          }
          allOf(signals);
          long signalled = System.nanoTime() - r0;
          updates += n;
          awaitCount(slack, "chat.update", updates, timeout);
          long released = System.nanoTime() - r0;
          posts += n; // "rejected"
          awaitCount(slack, "chat.postMessage", posts, timeout);
          t.add(
              "pending_" + n + "_release",
              "Release all " + n + " (signal -> every card past the gate)",
              released / 1e6,
              signalled / 1e6,
              "ms",
              "-",
              "baseline = sending the " + n + " signals (" + CLIENT_THREADS + " client threads)");
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
