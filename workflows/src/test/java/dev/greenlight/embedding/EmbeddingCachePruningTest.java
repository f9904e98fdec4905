package dev.greenlight.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cache directory stays small: the least recently used lists beyond {@link EmbeddingCache#KEEP}
 * and the temporary files of a process that died mid-write are deleted.
 */
class EmbeddingCachePruningTest {
  @TempDir Path dir;

  @Test
  void keepsTheMostRecentlyUsedListsAndDeletesTheRest() throws IOException {
    EmbeddingCache cache = new EmbeddingCache(dir);
    for (int i = 0; i < EmbeddingCache.KEEP; i++) {
      cache.embedAll(new CountingModel("m"), List.of("list " + i));
    }
    for (int i = 0; i < EmbeddingCache.KEEP; i++) {
      // The lower the number, the longer ago it was used.
      age(fileOf("list " + i), Duration.ofDays(1).plusMinutes(EmbeddingCache.KEEP - i));
    }
    // The first list written is the oldest by writing, and is read again: the most recently used.
    Path first = fileOf("list 0");
    age(first, Duration.ofDays(2));
    CountingModel reread = new CountingModel("m");
    cache.embedAll(reread, List.of("list 0"));
    Path unused = fileOf("list 1");

    for (int i = 0; i < 3; i++) {
      cache.embedAll(new CountingModel("m"), List.of("new list " + i));
    }

    assertThat(reread.calls).isZero();
    assertThat(lists().count()).isEqualTo(EmbeddingCache.KEEP);
    assertThat(first).exists();
    assertThat(unused).doesNotExist();
  }

  private Path fileOf(String text) {
    return dir.resolve("embeddings-" + EmbeddingCache.key("m", List.of(text)) + ".bin");
  }

  @Test
  void deletesTemporaryFilesLeftByADeadWriterButNotAFreshOne() throws IOException {
    Path stale = Files.writeString(dir.resolve("embeddings-123.tmp"), "half");
    age(stale, CacheFiles.STALE_TEMP.plusMinutes(5));
    Path fresh = Files.writeString(dir.resolve("embeddings-456.tmp"), "being written");
    Path unrelated = Files.writeString(dir.resolve("notes.txt"), "not ours");

    new EmbeddingCache(dir).embedAll(new CountingModel("m"), List.of("disk full"));

    assertThat(stale).doesNotExist();
    assertThat(fresh).exists();
    assertThat(unrelated).exists();
  }

  @Test
  void aDirectoryThisUserCreatedCountsAsItsOwn() throws IOException {
    assertThat(CacheFiles.ownedByThisUser(dir)).isTrue();
  }

  private Stream<Path> lists() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".bin")).toList().stream();
    }
  }

  private static void age(Path file, Duration by) {
    try {
      Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(by)));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
