package dev.greenlight.bench;

import dev.greenlight.sandbox.SlackServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 6. Cold start: {@code greenlight.jar run} (embedded Temporal server, real model) against a fresh
 * sandbox until Socket Mode is connected and the worker polls; baseline the same jar's {@code
 * --help}.
 */
final class ColdStart {
  private static final Pattern MODEL_MS = Pattern.compile("Classifier ready: .*\\((\\d+) ms\\)");

  private ColdStart() {}

  /** The bot's jar when it is built, else its main class on the harness's classpath. */
  static List<String> botCommand(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(JavaProcess.javaBin());
    Path jar = null;
    for (String candidate : List.of("bot/target/greenlight.jar", "../bot/target/greenlight.jar")) {
      if (Files.isRegularFile(Path.of(candidate))) {
        jar = Path.of(candidate);
        break;
      }
    }
    if (jar != null) {
      cmd.add("-jar");
      cmd.add(jar.toString());
    } else {
      cmd.add("-cp");
      cmd.add(System.getProperty("java.class.path"));
      cmd.add("dev.greenlight.bot.cli.Main");
    }
    cmd.addAll(List.of(args));
    return cmd;
  }

  static void measure(Size size, Table t) throws Exception {
    List<Long> starts = new ArrayList<>();
    List<Long> helps = new ArrayList<>();
    List<Long> models = new ArrayList<>();
    Path config = Loop.writeConfig("http://127.0.0.1:9");
    for (int i = 0; i < size.coldStarts(); i++) {
      try (SlackServer slack = SlackServer.start()) {
        Map<String, String> env = new HashMap<>();
        env.put("SLACK_BOT_TOKEN", slack.botToken());
        env.put("SLACK_APP_TOKEN", slack.appToken());
        env.put("SLACK_API_URL", slack.apiUrl());
        env.put("GREENLIGHT_CONFIG", config.toString());
        env.put("GREENLIGHT_LOG_LEVEL", "INFO");
        try (JavaProcess p = JavaProcess.start("cold-start-" + i, botCommand("run"), env)) {
          CompletableFuture<Long> polling =
              CompletableFuture.supplyAsync(
                  () -> {
                    try {
                      return p.awaitOutput("Worker polling task queue", Loop.WAIT);
                    } catch (InterruptedException e) {
                      return -1L;
                    }
                  });
          if (!slack.awaitConnected(Loop.WAIT)) {
            throw new IllegalStateException("cold start: never connected; see " + p.log);
          }
          long connected = System.nanoTime();
          long polled = polling.get();
          if (polled < 0) {
            throw new IllegalStateException("cold start: never polled; see " + p.log);
          }
          starts.add(Math.max(connected, polled) - p.startedNanos);
          Matcher m = MODEL_MS.matcher(p.output());
          if (m.find()) {
            models.add(Long.parseLong(m.group(1)) * 1_000_000L);
          }
        }
      }
      try (JavaProcess help = JavaProcess.start("help-" + i, botCommand("--help"), Map.of())) {
        help.process.waitFor(60, TimeUnit.SECONDS);
        helps.add(System.nanoTime() - help.startedNanos);
      }
    }
    Stats s = Stats.of(starts);
    Stats h = Stats.of(helps);
    t.add(
        "cold_start",
        "Cold start: `run` (embedded server) to connected + polling",
        s.p50(),
        h.p50(),
        "ms",
        "-",
        "median of "
            + s.n()
            + "; baseline = the same jar's `--help` (JVM start + jar + picocli, no work)");
    if (!models.isEmpty()) {
      Stats m = Stats.of(models);
      t.add(
          "cold_model_load",
          "  of which model load (worker log, cold JVM)",
          m.p50(),
          s.p50(),
          "ms",
          "-",
          "ratio = share of the cold start");
    }
  }
}
