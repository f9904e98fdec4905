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
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
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
import java.util.concurrent.TimeUnit;

/**
 * 4. Pending approvals: the worker in its own JVM ({@link WorkerProcess}); heap after GC and live
 * threads with n workflows waiting at the gate against the idle worker, then the time to release
 * them all (one Reject each) against the time to send the signals. Before each fill, the {@link
 * Floor}: n workflows that only wait, brought to their wait and released the same way.
 */
final class PendingApprovals {
  private static final int CLIENT_THREADS = 8;

  private PendingApprovals() {}

  /** The worker JVM, asked for its stats over stdin. */
  private static final class Worker implements AutoCloseable {
    final JavaProcess process;
    final Writer stdin;
    private final Map<String, Integer> answers = new HashMap<>();

    Worker(JavaProcess process) {
      this.process = process;
      this.stdin =
          new OutputStreamWriter(process.process.getOutputStream(), StandardCharsets.UTF_8);
    }

    /** {heap used after GC (bytes), live threads}. */
    long[] stats() throws Exception {
      String[] f = ask("stats", "STATS ").split(" ");
      return new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])};
    }

    /** Starts or stops the {@link Floor}'s worker in the worker JVM. */
    void floor(boolean on) throws Exception {
      ask(on ? "floor-on" : "floor-off", "FLOOR ");
    }

    /** Sends {@code command} and returns the next output line that starts with {@code answer}. */
    private String ask(String command, String answer) throws Exception {
      stdin.write(command + "\n");
      stdin.flush();
      int seen = answers.merge(answer, 1, Integer::sum);
      long deadline = System.nanoTime() + Loop.WAIT.toNanos();
      while (System.nanoTime() < deadline) {
        List<String> lines = process.output().lines().filter(l -> l.startsWith(answer)).toList();
        if (lines.size() >= seen) {
          return lines.get(seen - 1);
        }
        Thread.sleep(50);
      }
      throw new IllegalStateException("worker did not answer " + command + "; see " + process.log);
    }

    @Override
    public void close() {
      try {
        stdin.write("quit\n");
        stdin.flush();
        process.process.waitFor(15, TimeUnit.SECONDS);
      } catch (Exception e) {
        // fall through to destroy
      }
      process.close();
    }
  }

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

  static void measure(Size size, Table t) throws Exception {
    Loop.StartedDevServer dev = Loop.startDevServer("dev-server-pending");
    ExecutorService pool = Executors.newFixedThreadPool(CLIENT_THREADS);
    try (SlackServer slack = SlackServer.start();
        Targets targets = new Targets();
        JavaProcess devProcess = dev.process()) {
      Path config = Loop.writeConfig(targets.baseUrl());
      String address = "127.0.0.1:" + dev.port();
      Map<String, String> env = new HashMap<>();
      env.put("TEMPORAL_ADDRESS", address);
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
      String tuning = WorkerTuning.fromEnv(env, false).toString(); // a dev server: sticky off
      try (TemporalConnection temporal =
              TemporalConnection.connect(Map.of("TEMPORAL_ADDRESS", address));
          Worker worker =
              new Worker(
                  JavaProcess.start(
                      "worker-pending",
                      List.of(),
                      WorkerProcess.class.getName(),
                      List.of(),
                      env))) {
        if (worker.process.awaitOutput("READY", Loop.WAIT) < 0) {
          throw new IllegalStateException("worker did not start; see " + worker.process.log);
        }
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
            "worker JVM alone (`WorkerProcess`), default heap settings; threads "
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
              "baseline = idle worker; fill took " + Table.num(fill / 1e9) + " s");
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
