package dev.greenlight.activities;

import dev.greenlight.api.Classification;
import dev.greenlight.classify.Calibration;
import dev.greenlight.classify.CombinedClassifier;
import dev.greenlight.classify.EmbeddingClassifier;
import dev.greenlight.classify.LocalClassifier;
import dev.greenlight.config.ClassifierSettings;
import dev.greenlight.config.GreenlightConfig;
import dev.greenlight.config.Runbook;
import dev.greenlight.telemetry.LogContext;
import dev.greenlight.telemetry.Meters;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
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
  private final MeterRegistry meters;

  /** Local model only, the configured strategy and calibration. */
  public ClassifyActivitiesImpl(GreenlightConfig config, EmbeddingClassifier classifier) {
    this(
        new CombinedClassifier(
            config,
            ClassifierSettings.LOCAL,
            new LocalClassifier(
                classifier,
                LocalClassifier.Strategy.parse(config.classifier().strategy()),
                Calibration.configured(config.classifier()),
                config.policy().minSimilarity(),
                LocalClassifier.Tuning.of(config.classifier().local())),
            null));
  }

  /** Counts into {@link Meters#global()}. */
  public ClassifyActivitiesImpl(CombinedClassifier classifier) {
    this(classifier, Meters.global());
  }

  /** Counts each classification's latency and confidence into {@code meters}. */
  public ClassifyActivitiesImpl(CombinedClassifier classifier, MeterRegistry meters) {
    this.classifier = classifier;
    this.meters = meters;
  }

  @Override
  public Classification classify(String service, String incidentId, String text) {
    try (LogContext ignored = LogContext.of(incidentId, null)) {
      long t0 = System.nanoTime();
      Classification c = classifier.classify(service, incidentId, text);
      long nanos = System.nanoTime() - t0;
      String matched = Boolean.toString(c.matched());
      String degraded = Boolean.toString(c.degraded());
      Timer.builder(Meters.CLASSIFICATION)
          .description("Time to classify one incident")
          .tags("matched", matched, "degraded", degraded)
          .publishPercentileHistogram()
          .register(meters)
          .record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
      DistributionSummary.builder(Meters.CLASSIFICATION_CONFIDENCE)
          .description("Confidence of each classification, 0..1")
          .tags("matched", matched, "degraded", degraded)
          .serviceLevelObjectives(0.5, 0.8, 0.9, 0.94, 0.97, 0.99)
          .register(meters)
          .record(c.confidence());
      return c;
    }
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
