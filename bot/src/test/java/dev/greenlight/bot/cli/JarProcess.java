package dev.greenlight.bot.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The built jar run as an operator runs it, {@code java -jar greenlight.jar <args>}: with a fresh
 * temporary directory (onnxruntime unpacks its natives there, from the jar) and no {@code
 * GREENLIGHT_} variable from the caller's environment, so the built-in demo catalog is used.
 */
final class JarProcess {
  /** Set by failsafe (bot/pom.xml); the default fits a run from the bot module's directory. */
  static final Path JAR = Path.of(System.getProperty("greenlight.jar", "target/greenlight.jar"));

  private JarProcess() {}

  /** How a run ended: whether it exited within the limit, its exit code, stdout and stderr. */
  record Result(boolean exited, int exit, String output) {}

  /**
   * Runs {@code jar} with {@code args}, output to a file in {@code dir}; kills it after {@code
   * limit}.
   */
  static Result run(Path jar, Path dir, Duration limit, String... args)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile(dir, "out", ".txt");
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-Djava.io.tmpdir=" + dir,
                "-jar",
                jar.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().keySet().removeIf(k -> k.startsWith("GREENLIGHT_"));
    pb.redirectErrorStream(true);
    pb.redirectOutput(out.toFile());
    Process process = pb.start();
    boolean exited = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
    if (!exited) {
      process.destroyForcibly().waitFor();
    }
    return new Result(
        exited, exited ? process.exitValue() : -1, Files.readString(out, StandardCharsets.UTF_8));
  }
}
