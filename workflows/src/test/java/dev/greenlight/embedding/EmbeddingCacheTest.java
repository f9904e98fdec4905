package dev.greenlight.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
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
    Counting first = new Counting("m1");
    List<Embedding> written = new EmbeddingCache(dir).embedAll(first, LINES);
    Counting second = new Counting("m1");

    List<Embedding> read = new EmbeddingCache(dir).embedAll(second, LINES);

    assertThat(first.calls).isEqualTo(3);
    assertThat(second.calls).isZero();
    assertThat(read).isEqualTo(written);
  }

  @Test
  void anotherModelOrAnotherListIsEmbeddedAfresh() {
    new EmbeddingCache(dir).embedAll(new Counting("m1"), LINES);
    Counting otherModel = new Counting("m2");
    Counting otherList = new Counting("m1");

    new EmbeddingCache(dir).embedAll(otherModel, LINES);
    new EmbeddingCache(dir).embedAll(otherList, List.of("disk full", "DNS lookups fail"));

    assertThat(otherModel.calls).isEqualTo(3);
    assertThat(otherList.calls).isEqualTo(2);
  }

  @Test
  void aTruncatedFileIsEmbeddedAgainAndRewritten() throws IOException {
    List<Embedding> written = new EmbeddingCache(dir).embedAll(new Counting("m1"), LINES);
    Path file;
    try (var files = Files.list(dir)) {
      file = files.filter(p -> p.toString().endsWith(".bin")).findFirst().orElseThrow();
    }
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 7));
    Counting again = new Counting("m1");

    assertThat(new EmbeddingCache(dir).embedAll(again, LINES)).isEqualTo(written);
    assertThat(again.calls).isEqualTo(3);
    assertThat(Files.size(file)).isEqualTo(bytes.length);
  }

  @Test
  void aDirectoryThatCannotBeWrittenOnlyCostsTheTime() throws IOException {
    Path notADirectory = Files.writeString(dir.resolve("file"), "x");
    Counting model = new Counting("m1");

    List<Embedding> out = new EmbeddingCache(notADirectory.resolve("cache")).embedAll(model, LINES);

    assertThat(out).hasSize(3);
    assertThat(model.calls).isEqualTo(3);
  }

  @Test
  void theEnvironmentNamesTheDirectoryOrSwitchesItOff() {
    assertThat(EmbeddingCache.fromEnv(Map.of(EmbeddingCache.ENV, "none")))
        .isSameAs(EmbeddingCache.OFF);
    Counting model = new Counting("m1");
    EmbeddingCache.fromEnv(Map.of(EmbeddingCache.ENV, dir.toString())).embedAll(model, LINES);
    assertThat(dir.toFile().list()).anyMatch(name -> name.startsWith("embeddings-"));
    Counting off = new Counting("m1");
    EmbeddingCache.OFF.embedAll(off, LINES);
    EmbeddingCache.OFF.embedAll(off, LINES);
    assertThat(off.calls).isEqualTo(6);
  }

  /** A model that makes a vector from the text and counts what it embeds. */
  private static final class Counting implements EmbeddingModel {
    private final String name;
    int calls;

    Counting(String name) {
      this.name = name;
    }

    @Override
    public Response<Embedding> embed(String text) {
      calls++;
      return Response.from(
          Embedding.from(new float[] {text.length(), text.hashCode() % 97, name.length()}));
    }

    @Override
    public Response<List<Embedding>> embedAll(List<dev.langchain4j.data.segment.TextSegment> s) {
      throw new UnsupportedOperationException("the cache embeds text by text");
    }

    @Override
    public int dimension() {
      return 3;
    }

    @Override
    public String modelName() {
      return name;
    }
  }
}
