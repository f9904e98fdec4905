package dev.greenlight.intake;

import dev.greenlight.api.IncidentRequest;
import io.temporal.activity.ActivityInterface;
import java.util.List;

/** What the alert intake asks of Temporal itself, through the worker's client. */
@ActivityInterface
public interface IntakeActivities {
  /** What starting an alert's incident found. */
  enum Start {
    /** Started now. */
    STARTED,
    /** Its incident already runs (started before, perhaps by code without the intake). */
    RUNNING,
    /** Its incident ran and closed: the same firing never starts a second one. */
    CLOSED
  }

  /**
   * Starts the incident with {@code REJECT_DUPLICATE} on its workflow ID and the memos that name
   * its service and this intake.
   */
  Start startAlertIncident(IncidentRequest request);

  /** The open alert incidents Temporal's visibility lists (started by anyone), oldest first. */
  List<IntakeState.Open> listOpenAlertIncidents();
}
