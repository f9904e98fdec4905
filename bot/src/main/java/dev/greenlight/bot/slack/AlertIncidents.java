package dev.greenlight.bot.slack;

import dev.greenlight.api.IntakeAnswer;
import dev.greenlight.api.IntakeBatch;
import dev.greenlight.intake.IntakeClient;
import io.temporal.client.WorkflowClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Incidents that alerts start: the alert receiver hands each delivery to the alert intake, the
 * workflow that decides storm control (start, join, hold back) for every replica at once and starts
 * the incidents itself.
 */
public final class AlertIncidents {
  private static final Logger log = LoggerFactory.getLogger(AlertIncidents.class);

  private final WorkflowClient temporal;

  AlertIncidents(WorkflowClient temporal) {
    this.temporal = temporal;
  }

  /**
   * What the intake decided for each alert of the batch.
   *
   * @throws TemporalUnreachable when Temporal could not be asked, or the intake could not decide
   *     (the sender should retry: what was decided stands, and its repeats change nothing)
   */
  public IntakeAnswer deliver(IntakeBatch batch) {
    try {
      return IntakeClient.deliver(temporal, batch);
    } catch (RuntimeException e) {
      log.error("The alert intake could not take {} alerts", batch.alerts().size(), e);
      throw new TemporalUnreachable(e);
    }
  }
}
