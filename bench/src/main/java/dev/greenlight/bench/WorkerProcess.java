package dev.greenlight.bench;

import com.slack.api.methods.MethodsClient;
import dev.greenlight.bot.slack.GreenlightApp;
import dev.greenlight.bot.slack.SlackDirectory;
import dev.greenlight.bot.slack.SlackNotifier;
import dev.greenlight.config.ConfigLoader;
import dev.greenlight.config.GreenlightConfig;
import dev.greenlight.worker.GreenlightWorker;
import dev.greenlight.worker.TemporalConnection;
import dev.greenlight.worker.WorkerTuning;
import io.temporal.worker.WorkerFactory;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A worker alone in its JVM, as in production ({@code greenlight worker}), so its heap is not mixed
 * with the harness's Slack server. Without {@code TEMPORAL_ADDRESS} it starts the embedded server
 * in its JVM, as {@code run} does. Prints {@code READY <the Temporal server's address>}, then
 * answers on stdin: "stats" with {@code STATS <heap used after GC, bytes> <live threads> <heap
 * committed>}; "floor-on" and "floor-off" start and stop the {@link Floor} workflow's worker (its
 * own queue) with {@code FLOOR on} / {@code FLOOR off}; "quit".
 */
public final class WorkerProcess {
  private WorkerProcess() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> env = System.getenv();
    GreenlightConfig config =
        ConfigLoader.parse(Files.readString(Path.of(env.get("GREENLIGHT_CONFIG"))), "bench.yml");
    TemporalConnection temporal = TemporalConnection.connect(env);
    // The worker's own client, as `greenlight worker` builds it (Greenlight.start).
    MethodsClient methods =
        GreenlightApp.notificationSlack(env.get("SLACK_API_URL"))
            .methods(env.get("SLACK_BOT_TOKEN"));
    GreenlightWorker worker =
        GreenlightWorker.start(
            temporal, config, new SlackNotifier(methods), new SlackDirectory(methods));
    System.out.println(
        "READY " + temporal.embeddedAddress().orElseGet(() -> env.get("TEMPORAL_ADDRESS")));
    System.out.flush();
    WorkerFactory floor = null;
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (line.equals("stats")) {
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
          System.gc();
          Thread.sleep(100);
        }
        System.out.println(
            "STATS "
                + mem.getHeapMemoryUsage().getUsed()
                + " "
                + ManagementFactory.getThreadMXBean().getThreadCount()
                + " "
                + mem.getHeapMemoryUsage().getCommitted());
        System.out.flush();
      } else if (line.equals("floor-on")) {
        // The floor's workflow (Floor), with the options Greenlight's worker has on this server;
        // only while the floor is measured, so that its threads are not counted with the gates'.
        floor =
            Floor.startWorker(
                temporal.client(),
                temporal.serverKind(),
                WorkerTuning.fromEnv(env, temporal.serverKind().stickyExecution()));
        System.out.println("FLOOR on");
        System.out.flush();
      } else if (line.equals("floor-off") && floor != null) {
        floor.shutdown();
        floor.awaitTermination(10, TimeUnit.SECONDS);
        floor = null;
        System.out.println("FLOOR off");
        System.out.flush();
      } else if (line.equals("quit")) {
        break;
      }
    }
    if (floor != null) {
      floor.shutdown();
    }
    worker.close();
    temporal.close();
    System.exit(0);
  }
}
