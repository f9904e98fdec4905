package dev.greenlight.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local model ships in greenlight-model.jar beside greenlight.jar (the jar's manifest names
 * it): {@code check} says which file the model is read from, and a jar copied without it names the
 * file and the directory it belongs in: a warning from {@code check}, an error (exit 2) from every
 * command that classifies, instead of starting without a classifier.
 */
class ModelJarIT {
  private static final Path JAR =
      Path.of(System.getProperty("greenlight.jar", "target/greenlight.jar"));

  @TempDir Path dir;

  @Test
  void checkNamesTheModelJarBesideTheExecutableJar() throws Exception {
    Result r = run(JAR, "check");

    assertThat(r.exit()).as("exit code; output:%n%s", r.output()).isZero();
    Path model = JAR.toAbsolutePath().getParent().resolve("greenlight-model.jar");
    assertThat(model)
        .as("the build writes the model jar beside the executable one")
        .isRegularFile();
    assertThat(r.output())
        .contains("Local model: all-MiniLM-L6-v2-q", "from " + model.toRealPath());
  }

  @Test
  void withoutTheModelJarEveryCommandThatClassifiesSaysWhereItBelongs() throws Exception {
    Path alone = Files.createDirectory(dir.resolve("alone"));
    Path jar = Files.copy(JAR, alone.resolve("greenlight.jar"));
    String expected =
        "the local model is missing: all-minilm-l6-v2-q.onnx is not on the class path. It ships in"
            + " greenlight-model.jar, which must be in the same directory as greenlight.jar ("
            + alone.toRealPath()
            + ")";

    // A catalog check in CI may run with the executable jar alone: a warning, and the catalog's OK.
    Result check = run(jar, "check");
    assertThat(check.exit()).as("check's exit code; output:%n%s", check.output()).isZero();
    assertThat(check.output())
        .contains("WARNING: " + expected, "run, worker and eval will not start without it")
        .contains("OK: built-in demo config is valid")
        .doesNotContain("Exception", "\tat ");

    Result eval = run(jar, "eval");
    assertThat(eval.exit()).as("eval's exit code; output:%n%s", eval.output()).isEqualTo(2);
    assertThat(eval.output()).contains("greenlight: " + expected).doesNotContain("\tat ");
  }

  private Result run(Path jar, String... args) throws IOException, InterruptedException {
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
    if (!process.waitFor(3, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("greenlight " + String.join(" ", args) + " did not finish in 3 min");
    }
    return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
  }

  private record Result(int exit, String output) {}
}
