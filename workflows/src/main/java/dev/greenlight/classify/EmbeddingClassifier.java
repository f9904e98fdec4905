package dev.greenlight.classify;

import dev.greenlight.config.LocalSettings;
import dev.greenlight.config.Runbook;
import dev.greenlight.embedding.EmbeddingCache;
import dev.greenlight.embedding.MiniLmEmbeddingModel;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.store.embedding.CosineSimilarity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Nearest-example classification with all-MiniLM-L6-v2 (quantized), in-process and offline. The
 * catalog's example symptoms are embedded once, when the classifier is built (once per worker).
 */
public final class EmbeddingClassifier {
  /** Model name and version as shown on cards. */
  public static final String MODEL = MiniLmEmbeddingModel.NAME;

  /** How many of the closest "other incident" lines an analysis keeps. */
  static final int NEARBY = 5;

  private final EmbeddingModel model;
  private final List<Example> examples = new ArrayList<>();
  private final Map<Runbook, float[]> centroids = new LinkedHashMap<>();
  private final Map<Runbook, List<Embedding>> descriptions = new LinkedHashMap<>();
  private final Later<OtherIncidents> others;
  private final Later<Neighbours> neighbours;
  private final Lexicon lexicon;
  private final List<Runbook> runbooks;

  /** Loads the bundled model and embeds every runbook's examples; the default local knobs. */
  public EmbeddingClassifier(List<Runbook> runbooks) {
    this(runbooks, LocalSettings.DEFAULT);
  }

  /**
   * Loads the bundled model, embeds every runbook's examples and the "other incidents" reference
   * that {@code local} names ({@code classifier.local.other-incidents}, pruned at {@code
   * other-prune}).
   */
  public EmbeddingClassifier(List<Runbook> runbooks, LocalSettings local) {
    this(MiniLmEmbeddingModel.load(), runbooks, local, EmbeddingCache.fromEnv(System.getenv()));
  }

  EmbeddingClassifier(EmbeddingModel model, List<Runbook> runbooks, LocalSettings local) {
    this(model, runbooks, local, EmbeddingCache.OFF);
  }

  /**
   * The classifier on this model, the reference's and the labelled incidents' embeddings read from
   * (or written to) {@code cache}.
   */
  EmbeddingClassifier(
      EmbeddingModel model, List<Runbook> runbooks, LocalSettings local, EmbeddingCache cache) {
    this.model = model;
    for (Runbook r : runbooks) {
      float[] sum = null;
      for (String text : r.examples()) {
        Embedding e = model.embed(text).content();
        examples.add(new Example(r, text, e));
        float[] v = normalized(e.vector());
        if (sum == null) {
          sum = new float[v.length];
        }
        for (int i = 0; i < v.length; i++) {
          sum[i] += v[i];
        }
      }
      if (sum != null) {
        centroids.put(r, sum);
      }
      List<Embedding> described = new ArrayList<>();
      described.add(model.embed(r.label().replace('-', ' ')).content());
      if (!r.description().isBlank()) {
        described.add(model.embed(r.description()).content());
      }
      descriptions.put(r, described);
    }
    List<Embedding> catalog = new ArrayList<>();
    examples.forEach(e -> catalog.add(e.embedding()));
    descriptions.values().forEach(catalog::addAll);
    // The reference (over a thousand lines) is embedded in the background, so the worker polls
    // seconds sooner; a classification that comes first waits for it. A file named by
    // other-incidents that cannot be read still fails here, at start.
    List<String> lines = OtherIncidents.lines(local);
    List<LabelledIncidents.Labelled> labelled =
        LabelledIncidents.warnIfThin(LabelledIncidents.load(local, runbooks), runbooks);
    others =
        Later.start(
            "greenlight-other-incidents",
            () ->
                OtherIncidents.load(
                    model,
                    catalog,
                    OtherIncidents.unclaimed(lines, runbooks, local.otherClaim()),
                    local.otherPrune(),
                    cache));
    neighbours =
        labelled.isEmpty()
            ? Later.now(null)
            : others.then(
                o ->
                    Neighbours.of(
                        model,
                        examples.stream().map(Example::runbook).toList(),
                        examples.stream().map(Example::text).toList(),
                        examples.stream().map(Example::embedding).toList(),
                        labelled,
                        o,
                        cache));
    lexicon = new Lexicon(runbooks);
    this.runbooks = List.copyOf(runbooks);
  }

  private EmbeddingClassifier(EmbeddingClassifier of, Later<Neighbours> neighbours) {
    this.model = of.model;
    this.examples.addAll(of.examples);
    this.centroids.putAll(of.centroids);
    this.descriptions.putAll(of.descriptions);
    this.others = of.others;
    this.neighbours = neighbours;
    this.lexicon = of.lexicon;
    this.runbooks = of.runbooks;
  }

  /**
   * This classifier without the labelled incidents whose text is in {@code texts}: {@code eval}
   * scores a set that is also among the labelled incidents without its own cases (leave-out).
   */
  public EmbeddingClassifier leavingOut(Set<String> texts) {
    return new EmbeddingClassifier(this, neighbours.then(n -> n == null ? null : n.without(texts)));
  }

  /** How many labelled past incidents label reports (0: none configured). */
  public int labelledIncidents() {
    Neighbours n = neighbours.get();
    return n == null ? 0 : n.incidents();
  }

  List<Runbook> runbooks() {
    return runbooks;
  }

  Lexicon lexicon() {
    return lexicon;
  }

  /** How many "other incident" reference lines survived pruning against this catalog. */
  public int otherIncidents() {
    return others().size();
  }

  /** The embedded reference, once the background thread has built it. */
  private OtherIncidents others() {
    return others.get();
  }

  /** The runbook whose example is most similar to the text, with that similarity (0..1). */
  public Match nearest(String incidentText) {
    Score best = scores(incidentText).get(0);
    return new Match(best.runbook(), best.example(), best.nearest());
  }

  /**
   * Every runbook's score for the text, best nearest-example similarity first. Similarities are
   * clamped to 0..1.
   */
  public List<Score> scores(String incidentText) {
    return analyse(incidentText).scores();
  }

  /** Every runbook's score and the closest "other incident" line, from one embedding. */
  public Analysis analyse(String incidentText) {
    Embedding query = model.embed(incidentText).content();
    Neighbours n = neighbours.get();
    return new Analysis(
        scores(query), others().closest(query, -1, NEARBY), n == null ? null : n.closest(query));
  }

  /**
   * Each catalog example (and each kept "other incident" line) classified as if it were a report,
   * against the catalog (and the reference) without it: leave-one-out points for a per-catalog
   * calibration. Returns (expected label or unknown, analysis, the text) triples.
   */
  List<LeftOut> leaveOneOut() {
    List<LeftOut> out = new ArrayList<>();
    for (Example left : examples) {
      out.add(
          new LeftOut(
              left.runbook(),
              left.text(),
              new Analysis(
                  scores(left.embedding(), left),
                  others().closest(left.embedding(), -1, NEARBY),
                  null)));
    }
    for (int i = 0; i < others().size(); i++) {
      Embedding q = others().embedding(i);
      out.add(
          new LeftOut(
              null,
              others().line(i),
              new Analysis(scores(q, null), others().closest(q, i, NEARBY), null)));
    }
    return out;
  }

  /** One left-out text, the runbook it belongs to (null: an "other incident"), its analysis. */
  record LeftOut(Runbook runbook, String text, Analysis analysis) {}

  private List<Score> scores(Embedding query) {
    return scores(query, null);
  }

  private List<Score> scores(Embedding query, Example leftOut) {
    Map<Runbook, Score> best = new LinkedHashMap<>();
    for (Example e : examples) {
      if (e == leftOut) {
        continue;
      }
      double score = clamp(CosineSimilarity.between(query, e.embedding()));
      Score current = best.get(e.runbook());
      if (current == null || score > current.nearest()) {
        double centroid =
            clamp(CosineSimilarity.between(query, Embedding.from(centroids.get(e.runbook()))));
        best.put(e.runbook(), new Score(e.runbook(), e.text(), score, centroid, 0));
      }
    }
    for (var entry : best.entrySet()) {
      double d = 0;
      for (Embedding e : descriptions.get(entry.getKey())) {
        d = Math.max(d, clamp(CosineSimilarity.between(query, e)));
      }
      Score s = entry.getValue();
      entry.setValue(new Score(s.runbook(), s.example(), s.nearest(), s.centroid(), d));
    }
    List<Score> out = new ArrayList<>(best.values());
    out.sort(Comparator.comparingDouble(Score::nearest).reversed());
    return out;
  }

  private static double clamp(double x) {
    return Math.max(0, Math.min(1, x));
  }

  private static float[] normalized(float[] v) {
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

  /**
   * The runbooks' scores and the closest lines of the "other incidents" reference.
   *
   * @param others the {@link #NEARBY} closest lines and their similarities, closest first; empty
   *     when every line was pruned
   * @param neighbour the labelled text that labels the report ({@link Vote}) when labelled
   *     incidents are configured, else null
   */
  public record Analysis(
      List<Score> scores, List<OtherIncidents.Closest> others, Neighbour neighbour) {
    /** The closest line, or null when every line was pruned. */
    public OtherIncidents.Closest other() {
      return others.isEmpty() ? null : others.get(0);
    }
  }

  /** The closest runbook, its closest example symptom and the cosine similarity (0..1). */
  public record Match(Runbook runbook, String example, double similarity) {}

  /**
   * One runbook's similarity to an incident.
   *
   * @param example the runbook's example closest to the incident
   * @param nearest cosine similarity to that example
   * @param centroid cosine similarity to the mean of the runbook's (normalized) examples
   * @param described cosine similarity to the runbook's label or description, whichever is closer
   */
  public record Score(
      Runbook runbook, String example, double nearest, double centroid, double described) {}

  private record Example(Runbook runbook, String text, Embedding embedding) {}
}
