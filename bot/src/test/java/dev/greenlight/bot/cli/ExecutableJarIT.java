package dev.greenlight.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped artifact, as an operator runs it: {@code java -jar bot/target/greenlight.jar eval}
 * starts the CLI, loads the local model with the natives left in the slim jar (onnxruntime's; the
 * tokenizer is Java) and classifies the built-in evaluation set.
 */
class ExecutableJarIT {
  /** Set by failsafe (bot/pom.xml); the default fits a run from the bot module's directory. */
  private static final Path JAR =
      Path.of(System.getProperty("greenlight.jar", "target/greenlight.jar"));

  @TempDir Path dir;

  @Test
  void evalFromTheJarLoadsTheModelAndPrintsTheMetrics() throws Exception {
    assertThat(JAR).as("the shaded jar (built in package)").isRegularFile();
    Path out = dir.resolve("eval.out");
    ProcessBuilder pb =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx512m",
            // A fresh directory for onnxruntime to unpack its natives to: they come from this jar.
            "-Djava.io.tmpdir=" + dir,
            "-jar",
            JAR.toString(),
            "eval");
    // No configuration or LLM from the caller's environment: the built-in demo catalog and set.
    pb.environment().keySet().removeIf(k -> k.startsWith("GREENLIGHT_"));
    pb.redirectErrorStream(true);
    pb.redirectOutput(out.toFile());
    Process process = pb.start();

    boolean exited = process.waitFor(5, TimeUnit.MINUTES);
    if (!exited) {
      process.destroyForcibly();
    }
    String output = read(out);
    assertThat(exited)
        .as("greenlight eval finished within 5 minutes; output:%n%s", output)
        .isTrue();
    assertThat(process.exitValue()).as("exit code; output:%n%s", output).isZero();
    assertThat(output)
        .contains(
            "Dataset: built-in",
            "Local model: all-MiniLM-L6-v2",
            "accuracy",
            "macro-F1",
            "ECE",
            "to human",
            "auto(wrong)",
            "p50 ms",
            "p99 ms",
            "local nearest, calibrated (in use)",
            "Platt coefficients fitted on this dataset");
    // The in-use row has numbers: n, accuracy and macro-F1 between 0 and 1.
    List<String> inUse =
        output.lines().filter(l -> l.startsWith("local nearest, calibrated (in use)")).toList();
    assertThat(inUse).hasSize(1);
    String[] columns =
        inUse.get(0).substring("local nearest, calibrated (in use)".length()).trim().split("\\s+");
    assertThat(Integer.parseInt(columns[0])).as("cases").isPositive();
    assertThat(Double.parseDouble(columns[1])).as("accuracy").isBetween(0.5, 1.0);
    assertThat(Double.parseDouble(columns[2])).as("macro-F1").isBetween(0.5, 1.0);
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
  }
}
