package dev.greenlight.worker;

import dev.greenlight.api.IncidentRequest;
import dev.greenlight.intake.AlertIntake;
import dev.greenlight.intake.IntakeActivities;
import dev.greenlight.intake.IntakeState;
import dev.greenlight.workflows.IntakeNotice;
import dev.greenlight.workflows.RemediationWorkflow;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import java.util.List;
import java.util.Map;

/** The intake's side effects: starting alert incidents and listing the open ones. */
public final class IntakeActivitiesImpl implements IntakeActivities {
  private final WorkflowClient client;
  private final OpenAlertIncidents listing;

  public IntakeActivitiesImpl(WorkflowClient client) {
    this.client = client;
    this.listing = new OpenAlertIncidents(client);
  }

  @Override
  public Start startAlertIncident(IncidentRequest request) {
    String workflowId = RemediationWorkflow.workflowId(request.incidentId());
    RemediationWorkflow wf =
        client.newWorkflowStub(
            RemediationWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(workflowId)
                .setTaskQueue(RemediationWorkflow.TASK_QUEUE)
                .setWorkflowIdReusePolicy(
                    WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
                .setMemo(
                    Map.of(
                        OpenAlertIncidents.SERVICE_MEMO,
                        request.service(),
                        IntakeNotice.MEMO,
                        AlertIntake.WORKFLOW_ID))
                .build());
    try {
      WorkflowClient.start(wf::run, request);
      return Start.STARTED;
    } catch (WorkflowExecutionAlreadyStarted e) {
      WorkflowExecutionStatus status =
          client.newUntypedWorkflowStub(workflowId).describe().getStatus();
      return status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING
          ? Start.RUNNING
          : Start.CLOSED;
    }
  }

  @Override
  public List<IntakeState.Open> listOpenAlertIncidents() {
    String prefix = RemediationWorkflow.workflowId("");
    return listing.list().stream()
        .filter(o -> o.workflowId().startsWith(prefix))
        .map(
            o ->
                new IntakeState.Open(
                    o.workflowId().substring(prefix.length()),
                    o.service(),
                    o.startedMillis(),
                    List.of()))
        .toList();
  }
}
