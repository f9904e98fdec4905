package dev.greenlight.worker.metrics;

import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.common.reporter.MicrometerClientStatsReporter;

/**
 * The Temporal SDK's own metrics (requests, polls, task latencies, sticky cache, worker slots) as
 * Micrometer meters: the SDK reports into a tally scope, and the scope into the registry.
 */
public final class TemporalMetrics {
  /** How often the tally scope hands its values to the registry. */
  static final com.uber.m3.util.Duration REPORT_EVERY = com.uber.m3.util.Duration.ofSeconds(5);

  private TemporalMetrics() {}

  /** A scope for {@code WorkflowServiceStubsOptions.setMetricsScope}; close it at stop. */
  public static Scope scope(MeterRegistry registry) {
    return new RootScopeBuilder()
        .reporter(new MicrometerClientStatsReporter(registry))
        .reportEvery(REPORT_EVERY);
  }
}
