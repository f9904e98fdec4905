package dev.greenlight.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestDirsTest {
  @TempDir Path elsewhere;

  @AfterEach
  void restore() {
    System.clearProperty(TestDirs.PROPERTY);
  }

  @Test
  void scratchDirectoriesAndFilesAreMadeUnderTheBuildDirectoryNotTmp() throws Exception {
    Path dir = TestDirs.directory("greenlight-x");
    Path file = TestDirs.file("greenlight-y", ".yml");

    Path expected = Path.of("target/test-tmp").toAbsolutePath();
    assertThat(dir).isDirectory().hasParent(expected);
    assertThat(dir.getFileName().toString()).startsWith("greenlight-x");
    assertThat(file).isRegularFile().hasParent(expected);
    assertThat(file.getFileName().toString()).startsWith("greenlight-y").endsWith(".yml");
    // Not straight in the JVM's temporary directory (the checkout itself may live under it, as a
    // CI clone in /tmp does, so "anywhere under it" would be the wrong test).
    Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
    assertThat(dir.getParent()).isNotEqualTo(tmp);
    assertThat(file.getParent()).isNotEqualTo(tmp);
    Files.delete(dir);
    Files.delete(file);
  }

  @Test
  void thePropertyMovesTheBaseAndAMissingBaseIsCreated() throws Exception {
    Path base = elsewhere.resolve("nested/scratch");
    System.setProperty(TestDirs.PROPERTY, base.toString());

    Path dir = TestDirs.directory("greenlight-z");

    assertThat(dir).isDirectory().hasParent(base);
  }
}
