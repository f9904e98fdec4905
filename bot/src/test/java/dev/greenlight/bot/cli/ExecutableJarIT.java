package dev.greenlight.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped artifact, as an operator runs it: {@code java -jar bot/target/greenlight.jar eval}
 * starts the CLI, loads the local model (from greenlight-model.jar beside it) with the natives left
 * in the slim jar (onnxruntime's; the tokenizer is Java) and classifies the built-in evaluation
 * set.
 */
class ExecutableJarIT {
  @TempDir Path dir;

  @Test
  void evalFromTheJarLoadsTheModelAndPrintsTheMetrics() throws Exception {
    assertThat(JarProcess.JAR).as("the shaded jar (built in package)").isRegularFile();

    JarProcess.Result r = JarProcess.run(JarProcess.JAR, dir, Duration.ofMinutes(5), "eval");

    String output = r.output();
    assertThat(r.exited())
        .as("greenlight eval finished within 5 minutes; output:%n%s", output)
        .isTrue();
    assertThat(r.exit()).as("exit code; output:%n%s", output).isZero();
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
}
