package dev.greenlight.worker;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.filter.v1.WorkflowTypeFilter;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc.WorkflowServiceBlockingStub;
import io.temporal.client.WorkflowClient;
import java.util.List;

/**
 * The running executions of one workflow type, from Temporal's visibility: a list query ({@code
 * WorkflowType} and {@code ExecutionStatus}) where the server has one, as every real cluster does;
 * the SDK's test server (embedded, {@code dev-server}) answers only the older open-executions
 * listing, filtered by workflow type, which gives the same set.
 */
public final class RunningWorkflows {
  private RunningWorkflows() {}

  /** The query a real cluster answers for {@code workflowType}. */
  public static String query(String workflowType) {
    return "WorkflowType = '" + workflowType + "' AND ExecutionStatus = 'Running'";
  }

  /** At most {@code limit} running executions of {@code workflowType}, in the server's order. */
  public static List<WorkflowExecutionInfo> of(
      WorkflowClient temporal, String workflowType, int limit) {
    WorkflowServiceBlockingStub svc = temporal.getWorkflowServiceStubs().blockingStub();
    String namespace = temporal.getOptions().getNamespace();
    List<WorkflowExecutionInfo> found;
    try {
      found =
          svc.listWorkflowExecutions(
                  ListWorkflowExecutionsRequest.newBuilder()
                      .setNamespace(namespace)
                      .setPageSize(limit)
                      .setQuery(query(workflowType))
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
                      .setTypeFilter(WorkflowTypeFilter.newBuilder().setName(workflowType))
                      .build())
              .getExecutionsList();
    }
    return found.stream().filter(i -> i.getType().getName().equals(workflowType)).toList();
  }
}
