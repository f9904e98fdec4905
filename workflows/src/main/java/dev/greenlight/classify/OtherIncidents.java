package dev.greenlight.classify;

import dev.greenlight.config.ConfigException;
import dev.greenlight.config.LocalSettings;
import dev.greenlight.config.Runbook;
import dev.greenlight.embedding.EmbeddingCache;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A reference of incident kinds most catalogs have no runbook for (disk full, expired certificate,
 * DNS, database, queue lag, ...; {@code /classify/other-incidents.txt}): an incident closer to one
 * of these than to any runbook is unknown, a relative test that does not depend on one absolute
 * similarity floor. Lines that name what a runbook's id or label names, and lines close to the
 * catalog's own examples, labels or descriptions, are dropped when the classifier is built, so a
 * catalog that has such a runbook is not hurt.
 */
public final class OtherIncidents {
  static final String RESOURCE = "/classify/other-incidents.txt";

  /** Every rule name of awesome-prometheus-alerts (CC BY 4.0), the reference's second half. */
  static final String ALERT_RULES = "/classify/alert-rules.txt";

  private final List<String> lines;
  private final List<Embedding> embeddings;
  private final float[][] units;

  private OtherIncidents(List<String> lines, List<Embedding> embeddings) {
    this.lines = lines;
    this.embeddings = embeddings;
    this.units = new float[embeddings.size()][];
    for (int i = 0; i < units.length; i++) {
      units[i] = unit(embeddings.get(i).vector());
    }
  }

  /**
   * The reference lines without those that name what a runbook names: a word of a runbook's id or
   * label ({@code restart-coredns}, {@code db-connections}) in fewer than {@code share} of the
   * reference's lines (so at 0.05 "pods" or "high" claim nothing). An alert such as "CoreDNS
   * SERVFAIL Error Rate High" is then left to the catalog that has a CoreDNS runbook, however far
   * its wording is from that runbook's examples ({@code classifier.local.other-claim}; 0: every
   * line kept).
   */
  static List<String> unclaimed(List<String> lines, List<Runbook> runbooks, double share) {
    if (share <= 0) {
      return lines;
    }
    Map<String, Integer> linesWith = new HashMap<>();
    for (String line : lines) {
      new HashSet<>(Lexicon.words(line)).forEach(w -> linesWith.merge(w, 1, Integer::sum));
    }
    Set<String> claimed = new HashSet<>();
    for (Runbook r : runbooks) {
      for (String w : Lexicon.words(r.id().replace('-', ' ') + " " + r.label().replace('-', ' '))) {
        if (linesWith.getOrDefault(w, 0) < share * lines.size()) {
          claimed.add(w);
        }
      }
    }
    return lines.stream()
        .filter(line -> Lexicon.words(line).stream().noneMatch(claimed::contains))
        .toList();
  }

  /**
   * The reference lines, a line at least {@code prune} similar to anything in the catalog dropped.
   */
  static OtherIncidents load(
      EmbeddingModel model, List<Embedding> catalog, List<String> lines, double prune) {
    return load(model, catalog, lines, prune, EmbeddingCache.OFF);
  }

  /** The same, the lines' embeddings read from (or written to) {@code cache}. */
  static OtherIncidents load(
      EmbeddingModel model,
      List<Embedding> catalog,
      List<String> lines,
      double prune,
      EmbeddingCache cache) {
    List<String> kept = new ArrayList<>();
    List<Embedding> vectors = new ArrayList<>();
    List<Embedding> embedded = cache.embedAll(model, lines);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      Embedding e = embedded.get(i);
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

  /**
   * The dot product of two vectors of the same length, in four independent sums so that the
   * additions do not wait on one another (a single running sum is bound by the latency of each
   * addition); it differs from the sum in order only in the last bits.
   */
  static double dot(float[] a, float[] b) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int k = 0;
    for (int end = a.length - 3; k < end; k += 4) {
      s0 += a[k] * b[k];
      s1 += a[k + 1] * b[k + 1];
      s2 += a[k + 2] * b[k + 2];
      s3 += a[k + 3] * b[k + 3];
    }
    for (; k < a.length; k++) {
      s0 += a[k] * b[k];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /**
   * The {@code n} closest lines to the query other than line {@code skip}, closest first; empty
   * when there are none.
   */
  List<Closest> closest(Embedding query, int skip, int n) {
    // Cosine similarity as a dot product of unit vectors: the reference has over a thousand lines.
    float[] q = unit(query.vector());
    int[] best = new int[Math.max(0, n)];
    double[] sims = new double[best.length];
    int found = 0;
    for (int i = 0; i < units.length; i++) {
      if (i == skip) {
        continue;
      }
      double s = dot(q, units[i]);
      int at = found < best.length ? found++ : best.length;
      while (at > 0 && sims[at - 1] < s) {
        if (at < best.length) {
          best[at] = best[at - 1];
          sims[at] = sims[at - 1];
        }
        at--;
      }
      if (at < best.length) {
        best[at] = i;
        sims[at] = s;
      }
    }
    List<Closest> out = new ArrayList<>();
    for (int i = 0; i < found; i++) {
      out.add(new Closest(lines.get(best[i]), sims[i]));
    }
    return out;
  }

  static float[] unit(float[] v) {
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    norm = Math.sqrt(norm);
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (float) (norm == 0 ? 0 : v[i] / norm);
    }
    return out;
  }

  /** The lines {@code classifier.local.other-incidents} names: built-in, none, or a file's. */
  static List<String> lines(LocalSettings local) {
    String source = local.otherIncidents();
    if (source.equals(LocalSettings.NONE)) {
      return List.of();
    }
    if (source.equals(LocalSettings.BUILT_IN)) {
      List<String> out = new ArrayList<>();
      for (String name : List.of(RESOURCE, ALERT_RULES)) {
        InputStream in = OtherIncidents.class.getResourceAsStream(name);
        if (in == null) {
          throw new IllegalStateException(name + " is missing from the classpath");
        }
        out.addAll(read(in, name));
      }
      return out;
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
