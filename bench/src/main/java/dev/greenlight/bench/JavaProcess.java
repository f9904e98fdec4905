package dev.greenlight.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A child JVM on the harness's own classpath (or the bot's jar), its output in a log file. */
final class JavaProcess implements AutoCloseable {
  final Process process;
  final Path log;
  final long startedNanos;

  private JavaProcess(Process process, Path log, long startedNanos) {
    this.process = process;
    this.log = log;
    this.startedNanos = startedNanos;
  }

  static Path logDir() throws IOException {
    Path dir = Path.of(System.getProperty("bench.logs", "target/bench-logs"));
    Files.createDirectories(dir);
    return dir;
  }

  /** Starts {@code java [jvmArgs] -cp <harness classpath> mainClass args}. */
  static JavaProcess start(
      String name,
      List<String> jvmArgs,
      String mainClass,
      List<String> args,
      Map<String, String> env)
      throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(javaBin());
    cmd.addAll(jvmArgs);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(mainClass);
    cmd.addAll(args);
    return start(name, cmd, env);
  }

  static JavaProcess start(String name, List<String> cmd, Map<String, String> env)
      throws IOException {
    Path log = logDir().resolve(name + ".log");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.redirectOutput(log.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("TEMPORAL_") || k.startsWith("SLACK_"));
    pb.environment().remove("GREENLIGHT_CONFIG");
    // Several Greenlight processes run side by side: each takes a free management port.
    pb.environment().put("GREENLIGHT_MANAGEMENT_PORT", "0");
    pb.environment().putAll(env);
    long t0 = System.nanoTime();
    Process p = pb.start();
    return new JavaProcess(p, log, t0);
  }

  static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  String output() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  /** Polls the log until it contains {@code text}; returns the nanoTime it was seen, or -1. */
  long awaitOutput(String text, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (output().contains(text)) {
        return System.nanoTime();
      }
      if (!process.isAlive()) {
        return -1;
      }
      Thread.sleep(5);
    }
    return -1;
  }

  /** CPU time the child has used so far, in nanoseconds (0 if the OS does not say). */
  long cpuNanos() {
    return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static void awaitPort(int port, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException e) {
        Thread.sleep(20);
      }
    }
    throw new IllegalStateException("nothing listens on 127.0.0.1:" + port + " after " + timeout);
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
