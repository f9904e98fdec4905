package dev.greenlight.action;

import java.util.Map;
import java.util.Objects;

/**
 * What an executor or verifier is told about the run, besides its catalog spec.
 *
 * @param incidentId Greenlight's incident ID, e.g. {@code GL-1A2B3C4D}
 * @param workflowId the incident's workflow ID
 * @param runbookId the runbook being run
 * @param vars the template values: {@code service} (checked against the catalog's services) and
 *     {@code incident}; nothing else, and never model text
 * @param idempotencyKey {@code <workflowId>:<runbookId>}: the same on every retry
 * @param heartbeat where long actions and verifications report that they are alive
 */
public record ActionContext(
    String incidentId,
    String workflowId,
    String runbookId,
    Map<String, String> vars,
    String idempotencyKey,
    Heartbeat heartbeat) {
  public ActionContext {
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(workflowId, "workflowId");
    Objects.requireNonNull(runbookId, "runbookId");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(heartbeat, "heartbeat");
    vars = Map.copyOf(vars);
  }

  /** The key every action of this runbook in this workflow runs under. */
  public static String idempotencyKey(String workflowId, String runbookId) {
    return workflowId + ":" + runbookId;
  }
}
