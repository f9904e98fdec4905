package dev.greenlight.activities;

import dev.greenlight.classify.Calibration;
import dev.greenlight.classify.CombinedClassifier;
import dev.greenlight.classify.EmbeddingClassifier;
import dev.greenlight.classify.LocalClassifier;
import dev.greenlight.config.ClassifierSettings;
import dev.greenlight.config.GreenlightConfig;

/**
 * Classifies with the configured classifier(s) against the catalog. Never fails for a classifier
 * problem: an LLM failure falls back to the local model and the result is marked degraded.
 */
public final class ClassifyActivitiesImpl implements ClassifyActivities {
  private final CombinedClassifier classifier;

  /** Local model only, nearest-example strategy, default calibration. */
  public ClassifyActivitiesImpl(GreenlightConfig config, EmbeddingClassifier classifier) {
    this(
        new CombinedClassifier(
            config,
            ClassifierSettings.LOCAL,
            new LocalClassifier(
                classifier,
                LocalClassifier.Strategy.parse(config.classifier().strategy()),
                Calibration.DEFAULT,
                config.policy().minSimilarity()),
            null));
  }

  public ClassifyActivitiesImpl(CombinedClassifier classifier) {
    this.classifier = classifier;
  }

  @Override
  public Classification classify(String service, String incidentId, String text) {
    return classifier.classify(service, incidentId, text);
  }
}
