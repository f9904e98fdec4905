package dev.greenlight.bot.durability;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One Greenlight JVM ({@code java -cp <test classpath> dev.greenlight.bot.cli.Main <subcommand>}),
 * started the way an operator would start it, with its output in a log file under {@code
 * target/durability-logs/}.
 */
final class GreenlightProcess implements AutoCloseable {
  private static final AtomicInteger counter = new AtomicInteger();
  private static final Set<Process> live = ConcurrentHashMap.newKeySet();

  static {
    // Should the test JVM itself exit early, no child is left running.
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> live.forEach(Process::destroyForcibly), "kill-greenlight-children"));
  }

  private static final Path LOG_DIR =
      Path.of(System.getProperty("basedir", "."), "target", "durability-logs");

  private final String name;
  private final Process process;
  private final Path log;

  private GreenlightProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /**
   * Starts {@code Main} with {@code args}. The child inherits this JVM's environment (so
   * TEMPORAL_NAMESPACE, TEMPORAL_API_KEY and TLS settings reach it) with {@code env} on top.
   */
  static GreenlightProcess start(String name, Map<String, String> env, String... args) {
    try {
      Files.createDirectories(LOG_DIR);
      Path log =
          LOG_DIR.resolve(
              String.format(
                  "%s-%s-%d.log", name, ProcessHandle.current().pid(), counter.incrementAndGet()));
      List<String> command = new ArrayList<>();
      command.add(javaExecutable());
      command.add("-Xmx512m");
      // A test process lives for seconds: the client compiler alone starts it with less CPU.
      command.add("-XX:TieredStopAtLevel=1");
      command.add("-cp");
      command.add(classpath());
      command.add("dev.greenlight.bot.cli.Main");
      command.addAll(List.of(args));
      ProcessBuilder pb = new ProcessBuilder(command);
      pb.environment().putAll(env);
      pb.redirectErrorStream(true);
      pb.redirectOutput(log.toFile());
      Process process = pb.start();
      live.add(process);
      process.onExit().thenAccept(live::remove);
      return new GreenlightProcess(name, process, log);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the " + name + " process", e);
    }
  }

  /** The log file with this process's stdout and stderr. */
  Path log() {
    return log;
  }

  String name() {
    return name;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Waits until a line of the log contains {@code text}. Fails early, with the log's path and its
   * last lines, when the process exits or the timeout passes.
   */
  void awaitLog(String text, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (logContains(text)) {
        return;
      }
      if (!process.isAlive()) {
        throw new AssertionError(
            name
                + " exited (code "
                + process.exitValue()
                + ") before logging '"
                + text
                + "'; "
                + describe());
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            name + " did not log '" + text + "' within " + timeout + "; " + describe());
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for " + name, e);
      }
    }
  }

  /**
   * Kills the process with SIGKILL (on Linux), as {@code kill -9} would, and waits until it is
   * gone.
   */
  void killHard() {
    process.destroyForcibly();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new AssertionError(name + " survived destroyForcibly; " + describe());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while killing " + name, e);
    }
  }

  /** The log's path and its last lines, for failure messages. */
  String describe() {
    return "log " + log.toAbsolutePath() + ":\n" + tail(40);
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      killHard();
    }
  }

  private boolean logContains(String text) {
    return readLog().lines().anyMatch(line -> line.contains(text));
  }

  private String tail(int lines) {
    List<String> all = readLog().lines().toList();
    return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }

  private String readLog() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  /** This JVM's own java binary, so children run on the same Java version. */
  private static String javaExecutable() {
    return ProcessHandle.current()
        .info()
        .command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  /**
   * The test classpath. Surefire may start the test JVM from a manifest-only jar, in which case
   * {@code java.class.path} holds only that jar; it sets {@code surefire.test.class.path} to the
   * real one.
   */
  private static String classpath() {
    String cp = System.getProperty("surefire.test.class.path");
    if (cp == null || cp.isBlank()) {
      cp = System.getProperty("java.class.path");
    }
    return String.join(File.pathSeparator, cp.split(File.pathSeparator));
  }

  /** A free loopback port for a process to listen on. */
  static int freePort() {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      return s.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
