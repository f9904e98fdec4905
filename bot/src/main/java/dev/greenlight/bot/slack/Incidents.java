package dev.greenlight.bot.slack;

import dev.greenlight.api.AuditEntry;
import dev.greenlight.api.Decision;
import dev.greenlight.api.GateView;
import dev.greenlight.api.IncidentRequest;
import dev.greenlight.api.Refusal;
import java.util.List;
import java.util.Optional;

/**
 * What the Slack side asks of an incident's workflow, in Greenlight's terms only. {@link
 * IncidentClient} answers it with Temporal; tests answer it with a hand-written fake.
 */
interface Incidents {
  /** What became of a decision sent to an incident. */
  enum SignalResult {
    /** Temporal stored the signal; the workflow checks it and decides. */
    DELIVERED,
    /** The incident's workflow is closed (or unknown): nothing was counted. */
    INCIDENT_CLOSED,
    /** Temporal could not be reached: nothing was counted. */
    UNREACHABLE
  }

  /** What became of a request to start an incident. */
  enum StartResult {
    STARTED,
    /** An incident with that ID already exists (a redelivered command): nothing new started. */
    ALREADY_STARTED
  }

  /**
   * Starts the incident's workflow, at most once per incident ID.
   *
   * @throws TemporalUnreachable when Temporal could not be asked
   */
  StartResult start(IncidentRequest request);

  /**
   * The incident's gate as its workflow shows it, or empty when no worker answered within the time
   * budget (or the workflow is unknown): the workflow then checks the click itself.
   */
  Optional<GateView> gate(String workflowId);

  /** Sends a person's decision to the incident's workflow. */
  SignalResult signal(String workflowId, Decision decision);

  /**
   * Records a click the bot refused in the incident's timeline, in the background. Best effort: the
   * person was already told why, and a lost note only thins the audit.
   */
  void noteRefusal(String workflowId, Decision decision, Refusal refusal);

  /**
   * The incident's timeline, or empty when no such incident is known.
   *
   * @throws TemporalUnreachable when Temporal (or a worker) could not answer
   */
  Optional<List<AuditEntry>> audit(String incidentId);
}
