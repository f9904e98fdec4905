package dev.greenlight.bot.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Scratch directories and files for tests, under the module's build directory ({@code
 * target/test-tmp}) instead of the machine's {@code /tmp}: a run leaves nothing behind outside the
 * build, {@code mvn clean} removes them, and the logs of a failed run stay next to its reports.
 */
public final class TestDirs {
  /** The directory they are made in; the system property {@code greenlight.test.tmp} moves it. */
  static final String PROPERTY = "greenlight.test.tmp";

  private TestDirs() {}

  /** The base directory, created when missing; absolute, so child processes may be given it. */
  static Path base() {
    Path base = Path.of(System.getProperty(PROPERTY, "target/test-tmp")).toAbsolutePath();
    try {
      return Files.createDirectories(base);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the tests' scratch directory " + base, e);
    }
  }

  /** A new empty directory named {@code prefix} plus random digits. */
  public static Path directory(String prefix) throws IOException {
    return Files.createTempDirectory(base(), prefix);
  }

  /** A new empty file named {@code prefix}, random digits and {@code suffix}. */
  public static Path file(String prefix, String suffix) throws IOException {
    return Files.createTempFile(base(), prefix, suffix);
  }
}
