package dev.greenlight.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.bot.cli.JarProcess.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local model ships in greenlight-model.jar beside greenlight.jar (the jar's manifest names
 * it): {@code check} says which file the model is read from, and a jar copied without it names the
 * file and the directory it belongs in: a warning from {@code check}, an error (exit 2) from every
 * command that classifies, instead of starting without a classifier.
 */
class ModelJarIT {
  @TempDir Path dir;

  @Test
  void checkNamesTheModelJarBesideTheExecutableJar() throws Exception {
    Result r = run(JarProcess.JAR, "check");

    assertThat(r.exit()).as("exit code; output:%n%s", r.output()).isZero();
    Path model = JarProcess.JAR.toAbsolutePath().getParent().resolve("greenlight-model.jar");
    assertThat(model)
        .as("the build writes the model jar beside the executable one")
        .isRegularFile();
    assertThat(r.output())
        .contains("Local model: all-MiniLM-L6-v2-q", "from " + model.toRealPath());
  }

  @Test
  void withoutTheModelJarEveryCommandThatClassifiesSaysWhereItBelongs() throws Exception {
    Path alone = Files.createDirectory(dir.resolve("alone"));
    Path jar = Files.copy(JarProcess.JAR, alone.resolve("greenlight.jar"));
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

  private Result run(Path jar, String... args) throws Exception {
    Result r = JarProcess.run(jar, dir, Duration.ofMinutes(3), args);
    assertThat(r.exited()).as("greenlight %s finished within 3 minutes", args[0]).isTrue();
    return r;
  }
}
