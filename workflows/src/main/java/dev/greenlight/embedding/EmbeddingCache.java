package dev.greenlight.embedding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embeddings of a long list of texts (the "other incidents" reference, labelled incidents) kept
 * on disk, so a worker that restarts does not embed them again. A file holds one list: its name is
 * a hash of the model's name and every text, so another model, another list or an edited file never
 * reads a stale one. A file that is missing, short or not ours is embedded again and rewritten; a
 * directory that cannot be written only costs the time ({@code GREENLIGHT_EMBEDDING_CACHE},
 * docs/configuration.md).
 */
public final class EmbeddingCache {
  /** The variable naming the directory, or {@code none} to switch the cache off. */
  public static final String ENV = "GREENLIGHT_EMBEDDING_CACHE";

  /** No cache: every list is embedded. */
  public static final EmbeddingCache OFF = new EmbeddingCache(null);

  private static final Logger log = LoggerFactory.getLogger(EmbeddingCache.class);
  private static final int MAGIC = 0x474c4531; // "GLE1"

  /**
   * How many lists a directory keeps: after a write, the least recently used beyond are deleted.
   */
  static final int KEEP = 16;

  private final Path dir;

  EmbeddingCache(Path dir) {
    this.dir = dir;
  }

  /**
   * The cache the environment names: {@code GREENLIGHT_EMBEDDING_CACHE} (a directory, or {@code
   * none}); unset, {@code greenlight-embeddings} under the JVM's temporary directory.
   */
  public static EmbeddingCache fromEnv(Map<String, String> env) {
    String value = env.get(ENV);
    if (value != null && value.strip().equalsIgnoreCase("none")) {
      return OFF;
    }
    return new EmbeddingCache(
        value == null || value.isBlank()
            ? Path.of(System.getProperty("java.io.tmpdir"), "greenlight-embeddings")
            : Path.of(value.strip()));
  }

  /** The texts' embeddings, in order: read from the cache, or embedded and then written to it. */
  public List<Embedding> embedAll(EmbeddingModel model, List<String> texts) {
    if (dir == null || texts.isEmpty() || !ours()) {
      return embed(model, texts);
    }
    Path file = dir.resolve("embeddings-" + key(model.modelName(), texts) + ".bin");
    List<Embedding> cached = read(file, texts.size(), model.dimension());
    if (cached != null) {
      CacheFiles.touch(file);
      return cached;
    }
    List<Embedding> fresh = embed(model, texts);
    if (write(file, fresh)) {
      CacheFiles.prune(dir, KEEP);
    }
    return fresh;
  }

  /**
   * False when the directory exists but belongs to another user: what another user wrote is not
   * read (nor written to).
   */
  private boolean ours() {
    try {
      if (!Files.exists(dir)) {
        return true;
      }
      if (CacheFiles.ownedByThisUser(dir)) {
        return true;
      }
      log.warn(
          "Embedding cache {} belongs to {}, not to this user: not used",
          dir,
          Files.getOwner(dir).getName());
      return false;
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  private static List<Embedding> embed(EmbeddingModel model, List<String> texts) {
    List<Embedding> out = new ArrayList<>(texts.size());
    for (String t : texts) {
      out.add(model.embed(t).content());
    }
    return out;
  }

  static String key(String model, List<String> texts) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(model.getBytes(StandardCharsets.UTF_8));
      for (String t : texts) {
        sha.update((byte) '\n');
        sha.update(t.getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(sha.digest(), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static List<Embedding> read(Path file, int count, int dimension) {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try (InputStream raw = Files.newInputStream(file);
        DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw))) {
      if (in.readInt() != MAGIC || in.readInt() != count || in.readInt() != dimension) {
        log.warn("Embedding cache {} does not match its texts: embedding them again", file);
        return null;
      }
      List<Embedding> out = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        float[] v = new float[dimension];
        for (int j = 0; j < dimension; j++) {
          v[j] = in.readFloat();
        }
        out.add(Embedding.from(v));
      }
      if (in.read() != -1) {
        log.warn("Embedding cache {} is longer than its texts: embedding them again", file);
        return null;
      }
      return out;
    } catch (IOException e) {
      log.warn("Embedding cache {} cannot be read ({}): embedding again", file, e.toString());
      return null;
    }
  }

  /** Writes the list; false when it could not be written (a warning says why). */
  private boolean write(Path file, List<Embedding> embeddings) {
    try {
      if (!Files.isDirectory(dir)) {
        Files.createDirectories(dir);
        owned(dir, "rwx------");
      }
      Path tmp = Files.createTempFile(dir, "embeddings-", ".tmp");
      try (OutputStream raw = Files.newOutputStream(tmp);
          DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(raw))) {
        out.writeInt(MAGIC);
        out.writeInt(embeddings.size());
        out.writeInt(embeddings.get(0).dimension());
        for (Embedding e : embeddings) {
          for (float x : e.vector()) {
            out.writeFloat(x);
          }
        }
      }
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      return true;
    } catch (IOException | RuntimeException e) {
      log.warn(
          "Embedding cache {} cannot be written ({}): the next start embeds again ({} to switch it"
              + " off, or point it at a writable directory)",
          dir,
          e.toString(),
          ENV + "=none");
      return false;
    }
  }

  private static void owned(Path dir, String permissions) {
    try {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString(permissions));
    } catch (UnsupportedOperationException | IOException e) {
      // A file system without POSIX permissions keeps its own.
    }
  }
}
