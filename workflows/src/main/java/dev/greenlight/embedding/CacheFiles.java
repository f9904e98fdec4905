package dev.greenlight.embedding;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The file handling of {@link EmbeddingCache}: who owns its directory, and keeping it small. */
final class CacheFiles {
  /** A temporary file older than this was left by a process that died while writing. */
  static final Duration STALE_TEMP = Duration.ofHours(1);

  private static final Logger log = LoggerFactory.getLogger(CacheFiles.class);

  private CacheFiles() {}

  /**
   * Whether this process's user owns {@code dir}: by numeric uid where the file system has one (so
   * a container's random uid with no name still counts as itself), else by user name.
   */
  static boolean ownedByThisUser(Path dir) throws IOException {
    try {
      Object uid = Files.getAttribute(dir, "unix:uid");
      return ((Number) uid).longValue() == new UnixSystem().getUid();
    } catch (UnsupportedOperationException | IllegalArgumentException | LinkageError e) {
      return Files.getOwner(dir).getName().equals(System.getProperty("user.name"));
    }
  }

  /** Marks a list as just used, so pruning keeps it. */
  static void touch(Path file) {
    try {
      Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
    } catch (IOException e) {
      // A read-only cache still serves its lists; they are just pruned by age of writing.
    }
  }

  /**
   * Deletes the least recently used lists beyond {@code keep}, and temporary files that a process
   * which died while writing left behind.
   */
  static void prune(Path dir, int keep) {
    List<Path> lists = new ArrayList<>();
    Instant staleBefore = Instant.now().minus(STALE_TEMP);
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "embeddings-*")) {
      for (Path f : files) {
        String name = f.getFileName().toString();
        if (name.endsWith(".bin")) {
          lists.add(f);
        } else if (name.endsWith(".tmp") && modified(f).isBefore(staleBefore)) {
          delete(f);
        }
      }
    } catch (IOException e) {
      log.warn("Embedding cache {} cannot be listed ({}): not pruned", dir, e.toString());
      return;
    }
    lists.sort(Comparator.comparing(CacheFiles::modified).reversed());
    for (Path old : lists.subList(Math.min(keep, lists.size()), lists.size())) {
      delete(old);
    }
  }

  private static Instant modified(Path f) {
    try {
      return Files.getLastModifiedTime(f).toInstant();
    } catch (IOException e) {
      return Instant.EPOCH;
    }
  }

  private static void delete(Path f) {
    try {
      Files.deleteIfExists(f);
    } catch (IOException e) {
      log.warn("Embedding cache file {} cannot be deleted ({})", f, e.toString());
    }
  }
}
