package dev.greenlight.classify;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.store.embedding.CosineSimilarity;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

  /** A line at least this similar to anything in the catalog is dropped. */
  static final double PRUNE = 0.6;

  private final List<String> lines;
  private final List<Embedding> embeddings;

  private OtherIncidents(List<String> lines, List<Embedding> embeddings) {
    this.lines = lines;
    this.embeddings = embeddings;
  }

  static OtherIncidents load(EmbeddingModel model, List<Embedding> catalog) {
    List<String> kept = new ArrayList<>();
    List<Embedding> vectors = new ArrayList<>();
    for (String line : read()) {
      Embedding e = model.embed(line).content();
      boolean near = false;
      for (Embedding c : catalog) {
        near |= CosineSimilarity.between(e, c) >= PRUNE;
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

  private static List<String> read() {
    InputStream in = OtherIncidents.class.getResourceAsStream(RESOURCE);
    if (in == null) {
      throw new IllegalStateException(RESOURCE + " is missing from the classpath");
    }
    List<String> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.isBlank() && !line.strip().startsWith("#")) {
          out.add(line.strip());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** One reference line and its cosine similarity to the incident. */
  public record Closest(String text, double similarity) {}
}
