package dev.greenlight.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark harness: {@code java -jar bench/target/greenlight-bench.jar [--size smoke|full]}.
 * Every number is printed next to the limit it is compared with, measured in the same run.
 */
public final class BenchMain {
  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    BenchArgs parsed;
    try {
      parsed = BenchArgs.parse(args, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("greenlight-bench: " + e.getMessage());
      System.err.println(BenchArgs.USAGE);
      System.exit(2);
      return;
    }
    String size = parsed.size().name();
    Table table = run(parsed.size(), parsed.servers(), parsed.pendingServers());
    Path out = JavaProcess.logDir().resolve("bench-results.md");
    Files.writeString(out, header(size) + "\n" + table.markdown());
    System.out.println();
    System.out.println(header(size));
    System.out.println(table.markdown());
    System.out.println("(also written to " + out.toAbsolutePath() + ")");
    System.exit(0);
  }

  /**
   * Runs every measurement at {@code size}, the loop and the pending approvals on both servers, and
   * returns the table.
   */
  public static Table run(Size size) throws Exception {
    List<Loop.Server> both = Loop.Server.parse("both", java.util.Map.of());
    return run(size, both, both);
  }

  /**
   * Runs every measurement at {@code size}, the loop once per server of {@code servers} and the
   * pending approvals once per server of {@code pendingServers}, and returns the table.
   */
  static Table run(Size size, List<Loop.Server> servers, List<Loop.Server> pendingServers)
      throws Exception {
    // The harness's own logs would compete with the loop for the console: production logs INFO.
    System.setProperty("GREENLIGHT_LOG_LEVEL", System.getProperty("GREENLIGHT_LOG_LEVEL", "WARN"));
    Table t = new Table();
    System.out.println(header(size.name()));
    step("3. classification");
    Classification.measure(size, t);
    step("6. cold start");
    ColdStart.measure(size, t);
    for (Loop.Server server : servers) {
      step("starting the loop against " + server + " (Slack server, Temporal, worker, Bolt app)");
      try (Loop loop = Loop.start(server)) {
        t.note(
            "rows "
                + (server.idPrefix.isEmpty() ? "without prefix" : server.idPrefix + "*")
                + ": "
                + loop.describe());
        Table lt = t.under(server.idPrefix, server.metricSuffix);
        step("1. click -> gate released");
        ClickToGate.measure(loop, size, lt);
        step("2. ack latency under a burst");
        AckBurst.measure(loop, size, lt);
        step("5. throughput, auto-approved path");
        Throughput.measure(loop, size, lt);
      }
    }
    for (Loop.Server server : pendingServers) {
      step("4. pending approvals against " + server + " (worker in its own JVM)");
      t.note(
          server == Loop.Server.EMBEDDED
              ? "rows emb_pending_*: the worker's JVM (`WorkerProcess`) starts the embedded server,"
                  + " as `run` does; sticky execution on; heap and threads are the server's and the"
                  + " worker's together"
              : "rows pending_*: a fresh standalone `greenlight dev-server` (own JVM), the worker"
                  + " in its own JVM (`WorkerProcess`), sticky execution off");
      PendingApprovals.measure(size, t, server);
    }
    return t;
  }

  static String header(String size) {
    Runtime rt = Runtime.getRuntime();
    long memBytes = 0;
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      memBytes = os.getTotalMemorySize();
    }
    return String.format(
        Locale.ROOT,
        "Greenlight bench, size %s, %s; %d cores, %.1f GiB RAM, %s %s (%s), harness max heap %d MiB",
        size,
        ZonedDateTime.now().withNano(0),
        rt.availableProcessors(),
        memBytes / (1024.0 * 1024 * 1024),
        System.getProperty("java.vm.name"),
        System.getProperty("java.version"),
        System.getProperty("os.name") + " " + System.getProperty("os.arch"),
        rt.maxMemory() / (1024 * 1024));
  }

  private static void step(String s) {
    System.out.println("== " + s + " (" + ZonedDateTime.now().toLocalTime().withNano(0) + ")");
  }
}
