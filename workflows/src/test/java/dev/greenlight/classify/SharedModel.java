package dev.greenlight.classify;

import dev.greenlight.config.LocalSettings;
import dev.greenlight.config.Runbook;
import dev.greenlight.embedding.MiniLmEmbeddingModel;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bundled model loaded once per test JVM, with every text it embeds kept. The evaluation tests
 * classify the same sets, examples and reference lines over and over, and an embedding is a pure
 * function of its text, so they ask the model once per text. The production constructors, which
 * load the model and embed everything themselves, keep their own tests ({@link
 * EmbeddingClassifierTest}, {@code ClassifyActivitiesImplTest}).
 */
final class SharedModel implements EmbeddingModel {
  private static final SharedModel INSTANCE = new SharedModel(MiniLmEmbeddingModel.load());

  private final EmbeddingModel model;
  private final Map<String, Embedding> embedded = new ConcurrentHashMap<>();

  private SharedModel(EmbeddingModel model) {
    this.model = model;
  }

  /** A classifier of these runbooks with the default local knobs, on the shared model. */
  static EmbeddingClassifier classifier(List<Runbook> runbooks) {
    return classifier(runbooks, LocalSettings.DEFAULT);
  }

  /** A classifier of these runbooks with these local knobs, on the shared model. */
  static EmbeddingClassifier classifier(List<Runbook> runbooks, LocalSettings local) {
    return new EmbeddingClassifier(INSTANCE, runbooks, local);
  }

  @Override
  public Response<Embedding> embed(String text) {
    return Response.from(embedded.computeIfAbsent(text, t -> model.embed(t).content()));
  }

  @Override
  public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
    return Response.from(segments.stream().map(s -> embed(s.text()).content()).toList());
  }

  @Override
  public int dimension() {
    return model.dimension();
  }

  @Override
  public String modelName() {
    return model.modelName();
  }
}
