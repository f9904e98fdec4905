package dev.greenlight.bot.slack;

import dev.greenlight.api.IncidentRequest;
import dev.greenlight.worker.OpenAlertIncidents;
import dev.greenlight.workflows.RemediationWorkflow;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Incidents that alerts start: each carries its service in a memo, so the alert receiver can count
 * the open ones per service (storm control) from Temporal itself, whichever replica started them.
 */
public final class AlertIncidents {
  private static final Logger log = LoggerFactory.getLogger(AlertIncidents.class);

  private final WorkflowClient temporal;
  private final OpenAlertIncidents listing;

  AlertIncidents(WorkflowClient temporal) {
    this.temporal = temporal;
    this.listing = new OpenAlertIncidents(temporal);
  }

  /**
   * Starts an alert's incident, at most once per incident ID (a closed one counts too: the same
   * firing never starts a second incident). False when it already exists.
   *
   * @throws TemporalUnreachable when Temporal could not be asked
   */
  public boolean start(IncidentRequest request) {
    RemediationWorkflow workflow =
        temporal.newWorkflowStub(
            RemediationWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(RemediationWorkflow.workflowId(request.incidentId()))
                .setTaskQueue(RemediationWorkflow.TASK_QUEUE)
                .setWorkflowIdReusePolicy(
                    WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
                .setMemo(java.util.Map.of(OpenAlertIncidents.SERVICE_MEMO, request.service()))
                .build());
    try {
      WorkflowClient.start(workflow::run, request);
      return true;
    } catch (WorkflowExecutionAlreadyStarted e) {
      return false;
    } catch (RuntimeException e) {
      log.error("Could not start incident {} for an alert", request.incidentId(), e);
      throw new TemporalUnreachable(e);
    }
  }

  /**
   * The open incidents alerts started, oldest first.
   *
   * @throws TemporalUnreachable when Temporal could not be asked
   */
  public List<OpenIncident> open() {
    try {
      return listing.list().stream()
          .filter(o -> o.workflowId().startsWith(RemediationWorkflow.workflowId("")))
          .map(
              o ->
                  new OpenIncident(
                      o.workflowId().substring(RemediationWorkflow.workflowId("").length()),
                      o.service(),
                      o.startedMillis()))
          .toList();
    } catch (RuntimeException e) {
      throw new TemporalUnreachable(e);
    }
  }

  /** One open incident an alert started, by its incident ID ({@code GL-…}). */
  public record OpenIncident(String incidentId, String service, long startedMillis) {}

  /** Tells an open incident about an alert; false when it is closed or unknown. */
  public boolean tell(String incidentId, dev.greenlight.api.AlertNote note) {
    try {
      temporal
          .newWorkflowStub(RemediationWorkflow.class, RemediationWorkflow.workflowId(incidentId))
          .alertUpdate(note);
      return true;
    } catch (WorkflowNotFoundException e) {
      return false;
    } catch (RuntimeException e) {
      if (e.getCause() instanceof StatusRuntimeException s
          && s.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return false;
      }
      throw new TemporalUnreachable(e);
    }
  }
}
