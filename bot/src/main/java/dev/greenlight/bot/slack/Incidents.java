package dev.greenlight.bot.slack;

import dev.greenlight.api.AuditEntry;
import dev.greenlight.api.CardRef;
import dev.greenlight.api.Decision;
import dev.greenlight.api.IncidentRequest;
import dev.greenlight.api.IncidentSummary;
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
    UNREACHABLE,
    /** Temporal is connected but slow: the signal is still being delivered, past the ack. */
    PENDING
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
   * Sends a person's decision to the incident's workflow. This is all a click asks of Temporal: no
   * read of the gate comes before it, because a query needs a workflow task (a worker, and without
   * sticky execution a replay of the whole history) while a signal is stored by the server alone.
   */
  SignalResult signal(String workflowId, Decision decision);

  /**
   * Who decided an ended incident's gate (who rejected it, or who approved it), read from the
   * closed workflow's result; empty when nobody did or it cannot be read. Only for telling a
   * clicker after the ack, never before it.
   */
  List<String> decidedBy(String workflowId);

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

  /**
   * Asks the incident to reset its runbook's circuit breaker for {@code userId}, clicked on {@code
   * card}; the workflow judges it.
   */
  SignalResult resetBreaker(String workflowId, String userId, CardRef card, String clickId);

  /**
   * The open incidents, newest first, each read from its workflow (at most {@code limit}).
   *
   * @throws TemporalUnreachable when Temporal could not list them
   */
  List<IncidentSummary> open(int limit);

  /**
   * One incident's summary, or empty when no such incident is known.
   *
   * @throws TemporalUnreachable when Temporal (or a worker) could not answer
   */
  Optional<IncidentSummary> summary(String incidentId);

  /**
   * Whether Temporal has no record at all of the workflow, not even a closed one (false when that
   * cannot be told). Only off the ack path.
   */
  default boolean unknown(String workflowId) {
    return false;
  }

  /**
   * What a person is told about an incident Temporal has no record of, when they clicked its card
   * ({@code fromCard}) or typed its ID.
   */
  default String unknownText(String incidentId, boolean fromCard) {
    return LostIncident.text(incidentId, false, fromCard);
  }
}
