package dev.greenlight.activities;

import dev.greenlight.api.Classification;
import dev.greenlight.classify.Calibration;
import dev.greenlight.classify.CombinedClassifier;
import dev.greenlight.classify.EmbeddingClassifier;
import dev.greenlight.classify.LocalClassifier;
import dev.greenlight.config.ClassifierSettings;
import dev.greenlight.config.GreenlightConfig;
import dev.greenlight.config.Runbook;
import io.temporal.failure.ApplicationFailure;
import java.util.Map;

/**
 * Classifies with the configured classifier(s) against the catalog. Never fails for a classifier
 * problem: an LLM failure falls back to the local model and the result is marked degraded.
 */
public final class ClassifyActivitiesImpl implements ClassifyActivities {
  /** The "model" of a runbook a person picked. */
  public static final String PICKED_BY_A_PERSON = "picked by a person";

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

  @Override
  public Classification describe(String runbookId, String service, String incidentId) {
    GreenlightConfig config = classifier.config();
    Runbook r =
        config
            .runbook(runbookId)
            .orElseThrow(
                () ->
                    ApplicationFailure.newNonRetryableFailure(
                        "runbook '" + runbookId + "' is not in the catalog", "UnknownRunbook"));
    if (!config.knowsService(service)) {
      throw ApplicationFailure.newNonRetryableFailure(
          "service '" + service + "' is not in the catalog's services", "UnknownService");
    }
    String action = r.action().describe(Map.of("service", service, "incident", incidentId));
    return new Classification(
        r.label(),
        1.0,
        r.id(),
        r.risk(),
        action,
        null,
        PICKED_BY_A_PERSON,
        "Picked from the catalog by a person: no runbook matched",
        false,
        null,
        null);
  }
}
