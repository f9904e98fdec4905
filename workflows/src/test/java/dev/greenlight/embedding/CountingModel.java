package dev.greenlight.embedding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.List;

/** A model that makes a vector from the text and counts what it embeds. */
final class CountingModel implements EmbeddingModel {
  private final String name;
  int calls;

  CountingModel(String name) {
    this.name = name;
  }

  @Override
  public Response<Embedding> embed(String text) {
    calls++;
    return Response.from(
        Embedding.from(new float[] {text.length(), text.hashCode() % 97, name.length()}));
  }

  @Override
  public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
    throw new UnsupportedOperationException("the cache embeds text by text");
  }

  @Override
  public int dimension() {
    return 3;
  }

  @Override
  public String modelName() {
    return name;
  }
}
