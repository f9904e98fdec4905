package dev.greenlight.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.embedding.Embedding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Long lists of texts are embedded once and read back from disk on the next start. */
class EmbeddingCacheTest {
  private static final List<String> LINES = List.of("disk full", "DNS lookups fail", "Redis down");

  @TempDir Path dir;

  @Test
  void theSecondStartReadsTheSameVectorsAndEmbedsNothing() {
    CountingModel first = new CountingModel("m1");
    List<Embedding> written = new EmbeddingCache(dir).embedAll(first, LINES);
    CountingModel second = new CountingModel("m1");

    List<Embedding> read = new EmbeddingCache(dir).embedAll(second, LINES);

    assertThat(first.calls).isEqualTo(3);
    assertThat(second.calls).isZero();
    assertThat(read).isEqualTo(written);
  }

  @Test
  void anotherModelOrAnotherListIsEmbeddedAfresh() {
    new EmbeddingCache(dir).embedAll(new CountingModel("m1"), LINES);
    CountingModel otherModel = new CountingModel("m2");
    CountingModel otherList = new CountingModel("m1");

    new EmbeddingCache(dir).embedAll(otherModel, LINES);
    new EmbeddingCache(dir).embedAll(otherList, List.of("disk full", "DNS lookups fail"));

    assertThat(otherModel.calls).isEqualTo(3);
    assertThat(otherList.calls).isEqualTo(2);
  }

  @Test
  void aTruncatedFileIsEmbeddedAgainAndRewritten() throws IOException {
    List<Embedding> written = new EmbeddingCache(dir).embedAll(new CountingModel("m1"), LINES);
    Path file;
    try (var files = Files.list(dir)) {
      file = files.filter(p -> p.toString().endsWith(".bin")).findFirst().orElseThrow();
    }
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 7));
    CountingModel again = new CountingModel("m1");

    assertThat(new EmbeddingCache(dir).embedAll(again, LINES)).isEqualTo(written);
    assertThat(again.calls).isEqualTo(3);
    assertThat(Files.size(file)).isEqualTo(bytes.length);
  }

  @Test
  void aDirectoryThatCannotBeWrittenOnlyCostsTheTime() throws IOException {
    Path notADirectory = Files.writeString(dir.resolve("file"), "x");
    CountingModel model = new CountingModel("m1");

    List<Embedding> out = new EmbeddingCache(notADirectory.resolve("cache")).embedAll(model, LINES);

    assertThat(out).hasSize(3);
    assertThat(model.calls).isEqualTo(3);
  }

  @Test
  void theEnvironmentNamesTheDirectoryOrSwitchesItOff() {
    assertThat(EmbeddingCache.fromEnv(Map.of(EmbeddingCache.ENV, "none")))
        .isSameAs(EmbeddingCache.OFF);
    CountingModel model = new CountingModel("m1");
    EmbeddingCache.fromEnv(Map.of(EmbeddingCache.ENV, dir.toString())).embedAll(model, LINES);
    assertThat(dir.toFile().list()).anyMatch(name -> name.startsWith("embeddings-"));
    CountingModel off = new CountingModel("m1");
    EmbeddingCache.OFF.embedAll(off, LINES);
    EmbeddingCache.OFF.embedAll(off, LINES);
    assertThat(off.calls).isEqualTo(6);
  }
}
