package dev.greenlight.classify;

import dev.greenlight.config.Runbook;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.store.embedding.CosineSimilarity;
import java.util.ArrayList;
import java.util.List;

/**
 * Nearest-example classification with all-MiniLM-L6-v2 (quantized), in-process and offline. The
 * catalog's example symptoms are embedded once, when the classifier is built (once per worker).
 */
public final class EmbeddingClassifier {
  /** Model name and version as shown on cards. */
  public static final String MODEL = "all-MiniLM-L6-v2-q (langchain4j-embeddings 1.19.0-beta29)";

  private final EmbeddingModel model;
  private final List<Example> examples = new ArrayList<>();

  /** Loads the bundled model and embeds every runbook's examples. */
  public EmbeddingClassifier(List<Runbook> runbooks) {
    this(new AllMiniLmL6V2QuantizedEmbeddingModel(), runbooks);
  }

  EmbeddingClassifier(EmbeddingModel model, List<Runbook> runbooks) {
    this.model = model;
    for (Runbook r : runbooks) {
      for (String text : r.examples()) {
        examples.add(new Example(r, text, model.embed(text).content()));
      }
    }
  }

  /** The runbook whose example is most similar to the text, with that similarity (0..1). */
  public Match nearest(String incidentText) {
    Embedding query = model.embed(incidentText).content();
    Example best = null;
    double bestScore = -1;
    for (Example e : examples) {
      double score = CosineSimilarity.between(query, e.embedding());
      if (score > bestScore) {
        bestScore = score;
        best = e;
      }
    }
    return new Match(best.runbook(), best.text(), Math.max(0, Math.min(1, bestScore)));
  }

  /** The closest runbook, its closest example symptom and the cosine similarity (0..1). */
  public record Match(Runbook runbook, String example, double similarity) {}

  private record Example(Runbook runbook, String text, Embedding embedding) {}
}
