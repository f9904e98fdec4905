package dev.greenlight.bench;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The {@link WorkerProcess} JVM, seen from the harness: started, asked over stdin, stopped. */
final class WorkerJvm implements AutoCloseable {
  final JavaProcess process;
  private final Writer stdin;
  private final Map<String, Integer> answers = new HashMap<>();
  private final String temporalAddress;

  private WorkerJvm(JavaProcess process) throws Exception {
    this.process = process;
    this.stdin = new OutputStreamWriter(process.process.getOutputStream(), StandardCharsets.UTF_8);
    if (process.awaitOutput("READY ", Loop.WAIT) < 0) {
      process.close();
      throw new IllegalStateException("worker did not start; see " + process.log);
    }
    this.temporalAddress = answer("READY ", 1).substring("READY ".length()).strip();
  }

  /**
   * Starts the worker with {@code env}: with {@code TEMPORAL_ADDRESS} it connects there, without it
   * it starts the embedded server in its own JVM, as {@code run} does.
   */
  static WorkerJvm start(String name, Map<String, String> env) throws Exception {
    return new WorkerJvm(
        JavaProcess.start(name, List.of(), WorkerProcess.class.getName(), List.of(), env));
  }

  /** The Temporal server the worker uses (the embedded one's address when it started one). */
  String temporalAddress() {
    return temporalAddress;
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
    return answer(answer, answers.merge(answer, 1, Integer::sum));
  }

  /** The {@code nth} output line that starts with {@code prefix}, waiting for it. */
  private String answer(String prefix, int nth) throws Exception {
    long deadline = System.nanoTime() + Loop.WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      List<String> lines = process.output().lines().filter(l -> l.startsWith(prefix)).toList();
      if (lines.size() >= nth) {
        return lines.get(nth - 1);
      }
      if (!process.process.isAlive()) {
        break;
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("worker did not answer " + prefix + "; see " + process.log);
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
