package dev.greenlight.bot.slack;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.filter.v1.WorkflowTypeFilter;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc.WorkflowServiceBlockingStub;
import io.temporal.client.WorkflowClient;
import java.util.Comparator;
import java.util.List;

/**
 * Which incidents are open, from Temporal's visibility: a list query ({@code WorkflowType} and
 * {@code ExecutionStatus}) where the server has one, as every real cluster does; the SDK's test
 * server (embedded, {@code dev-server}) answers only the older open-executions listing, filtered by
 * workflow type, which gives the same set. Part of {@link IncidentClient}, the bot's only Temporal
 * client.
 */
final class OpenIncidents {
  static final String WORKFLOW_TYPE = "RemediationWorkflow";
  static final String QUERY =
      "WorkflowType = '" + WORKFLOW_TYPE + "' AND ExecutionStatus = 'Running'";

  private OpenIncidents() {}

  /** The workflow IDs of the open incidents, newest first, at most {@code limit}. */
  static List<String> workflowIds(WorkflowClient temporal, int limit) {
    WorkflowServiceBlockingStub svc = temporal.getWorkflowServiceStubs().blockingStub();
    String namespace = temporal.getOptions().getNamespace();
    List<WorkflowExecutionInfo> found;
    try {
      found =
          svc.listWorkflowExecutions(
                  ListWorkflowExecutionsRequest.newBuilder()
                      .setNamespace(namespace)
                      .setPageSize(limit)
                      .setQuery(QUERY)
                      .build())
              .getExecutionsList();
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() != Status.Code.UNIMPLEMENTED) {
        throw e;
      }
      found =
          svc.listOpenWorkflowExecutions(
                  ListOpenWorkflowExecutionsRequest.newBuilder()
                      .setNamespace(namespace)
                      .setMaximumPageSize(limit)
                      .setTypeFilter(WorkflowTypeFilter.newBuilder().setName(WORKFLOW_TYPE))
                      .build())
              .getExecutionsList();
    }
    return found.stream()
        .filter(i -> i.getType().getName().equals(WORKFLOW_TYPE))
        .sorted(
            Comparator.comparingLong((WorkflowExecutionInfo i) -> i.getStartTime().getSeconds())
                .thenComparingInt(i -> i.getStartTime().getNanos())
                .reversed())
        .limit(limit)
        .map(i -> i.getExecution().getWorkflowId())
        .toList();
  }
}
