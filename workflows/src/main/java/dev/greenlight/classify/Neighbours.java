package dev.greenlight.classify;

import dev.greenlight.config.Runbook;
import dev.greenlight.embedding.EmbeddingCache;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Every labelled text the classifier knows, embedded once: the catalog's examples (their runbook),
 * the labelled past incidents (their label) and the kept "other incident" lines (unknown). The
 * closest of them label a report ({@link Vote}): with hundreds of labelled incidents the nearest
 * texts tell "mentions the subject" from "reports the failure" far better than a few examples per
 * runbook (docs/classification.md, "Labelled incidents").
 */
final class Neighbours {
  private final List<Entry> entries;

  private Neighbours(List<Entry> entries) {
    this.entries = entries;
  }

  /**
   * The neighbourhood of a catalog. Each labelled incident is embedded as the classifier sees a
   * report: normalized, alert names split and denied causes left out ({@link
   * LocalClassifier#prepare}).
   */
  static Neighbours of(
      EmbeddingModel model,
      List<Runbook> exampleRunbooks,
      List<String> exampleTexts,
      List<Embedding> exampleEmbeddings,
      List<LabelledIncidents.Labelled> labelled,
      OtherIncidents others,
      EmbeddingCache cache) {
    List<Entry> out = new ArrayList<>();
    for (int i = 0; i < exampleTexts.size(); i++) {
      out.add(
          new Entry(
              exampleRunbooks.get(i),
              exampleTexts.get(i),
              OtherIncidents.unit(exampleEmbeddings.get(i).vector()),
              false));
    }
    List<LabelledIncidents.Labelled> kept = new ArrayList<>();
    List<String> prepared = new ArrayList<>();
    for (LabelledIncidents.Labelled l : labelled) {
      String p = LocalClassifier.prepare(l.text());
      if (!p.isBlank()) {
        kept.add(l);
        prepared.add(p);
      }
    }
    List<Embedding> embedded = cache.embedAll(model, prepared);
    for (int i = 0; i < kept.size(); i++) {
      float[] v = OtherIncidents.unit(embedded.get(i).vector());
      out.add(new Entry(kept.get(i).runbook(), kept.get(i).text(), v, true));
    }
    for (int i = 0; i < others.size(); i++) {
      out.add(
          new Entry(
              null, others.line(i), OtherIncidents.unit(others.embedding(i).vector()), false));
    }
    return new Neighbours(List.copyOf(out));
  }

  /** The same neighbourhood without the labelled incidents whose text is in {@code texts}. */
  Neighbours without(Set<String> texts) {
    return new Neighbours(
        entries.stream().filter(e -> !(e.incident() && texts.contains(e.text()))).toList());
  }

  /** How many labelled past incidents are in the neighbourhood. */
  int incidents() {
    return (int) entries.stream().filter(Entry::incident).count();
  }

  /**
   * The labelled text that labels the (embedded) report: the closest text of the label the closest
   * texts vote for ({@link Vote}).
   */
  Neighbour closest(Embedding query) {
    float[] q = OtherIncidents.unit(query.vector());
    Vote vote = new Vote(Vote.VOTERS);
    for (Entry e : entries) {
      vote.offer(e.runbook(), e.text(), OtherIncidents.dot(q, e.unit()));
    }
    return vote.winner();
  }

  private record Entry(Runbook runbook, String text, float[] unit, boolean incident) {}
}
