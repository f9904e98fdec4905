package dev.greenlight.classify;

import dev.greenlight.config.ConfigException;
import dev.greenlight.config.LocalSettings;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.store.embedding.CosineSimilarity;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A reference of incident kinds most catalogs have no runbook for (disk full, expired certificate,
 * DNS, database, queue lag, ...; {@code /classify/other-incidents.txt}): an incident closer to one
 * of these than to any runbook is unknown, a relative test that does not depend on one absolute
 * similarity floor. Lines close to the catalog's own examples, labels or descriptions are dropped
 * when the classifier is built, so a catalog that has such a runbook is not hurt.
 */
public final class OtherIncidents {
  static final String RESOURCE = "/classify/other-incidents.txt";

  private final List<String> lines;
  private final List<Embedding> embeddings;

  private OtherIncidents(List<String> lines, List<Embedding> embeddings) {
    this.lines = lines;
    this.embeddings = embeddings;
  }

  /**
   * The reference lines, a line at least {@code prune} similar to anything in the catalog dropped.
   */
  static OtherIncidents load(
      EmbeddingModel model, List<Embedding> catalog, List<String> lines, double prune) {
    List<String> kept = new ArrayList<>();
    List<Embedding> vectors = new ArrayList<>();
    for (String line : lines) {
      Embedding e = model.embed(line).content();
      boolean near = false;
      for (Embedding c : catalog) {
        near |= CosineSimilarity.between(e, c) >= prune;
      }
      if (!near) {
        kept.add(line);
        vectors.add(e);
      }
    }
    return new OtherIncidents(List.copyOf(kept), List.copyOf(vectors));
  }

  int size() {
    return lines.size();
  }

  String line(int i) {
    return lines.get(i);
  }

  Embedding embedding(int i) {
    return embeddings.get(i);
  }

  /** The closest line to the query other than line {@code skip}, or null when there is none. */
  Closest closest(Embedding query, int skip) {
    Closest best = null;
    for (int i = 0; i < lines.size(); i++) {
      if (i == skip) {
        continue;
      }
      double s = CosineSimilarity.between(query, embeddings.get(i));
      if (best == null || s > best.similarity()) {
        best = new Closest(lines.get(i), s);
      }
    }
    return best;
  }

  /** The lines {@code classifier.local.other-incidents} names: built-in, none, or a file's. */
  static List<String> lines(LocalSettings local) {
    String source = local.otherIncidents();
    if (source.equals(LocalSettings.NONE)) {
      return List.of();
    }
    if (source.equals(LocalSettings.BUILT_IN)) {
      InputStream in = OtherIncidents.class.getResourceAsStream(RESOURCE);
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      return read(in, RESOURCE);
    }
    try {
      return read(Files.newInputStream(Path.of(source)), source);
    } catch (IOException e) {
      throw new ConfigException(
          "classifier.local.other-incidents: cannot read '" + source + "': " + e.getMessage(), e);
    }
  }

  private static List<String> read(InputStream in, String source) {
    List<String> out = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.isBlank() && !line.strip().startsWith("#")) {
          out.add(line.strip());
        }
      }
    } catch (CharacterCodingException e) {
      throw new ConfigException(
          "classifier.local.other-incidents: '" + source + "' is not UTF-8 text", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** One reference line and its cosine similarity to the incident. */
  public record Closest(String text, double similarity) {}
}
