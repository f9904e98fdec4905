package dev.greenlight.activities;

import dev.greenlight.classify.EmbeddingClassifier;
import dev.greenlight.config.GreenlightConfig;
import java.util.Map;

/** Classifies with the local embedding model against the catalog. */
public final class ClassifyActivitiesImpl implements ClassifyActivities {
  private final GreenlightConfig config;
  private final EmbeddingClassifier classifier;

  public ClassifyActivitiesImpl(GreenlightConfig config, EmbeddingClassifier classifier) {
    this.config = config;
    this.classifier = classifier;
  }

  @Override
  public Classification classify(String service, String incidentId, String text) {
    if (text == null || text.isBlank()) {
      // The model refuses to embed blank text; text that names no symptom matches no runbook.
      return new Classification(
          Classification.UNKNOWN, 0, null, null, null, "", EmbeddingClassifier.MODEL);
    }
    EmbeddingClassifier.Match m = classifier.nearest(text);
    if (m.similarity() < config.policy().minSimilarity()) {
      return new Classification(
          Classification.UNKNOWN,
          m.similarity(),
          null,
          null,
          null,
          m.example(),
          EmbeddingClassifier.MODEL);
    }
    String action =
        m.runbook().action().describe(Map.of("service", service, "incident", incidentId));
    return new Classification(
        m.runbook().label(),
        m.similarity(),
        m.runbook().id(),
        m.runbook().risk(),
        action,
        m.example(),
        EmbeddingClassifier.MODEL);
  }
}
