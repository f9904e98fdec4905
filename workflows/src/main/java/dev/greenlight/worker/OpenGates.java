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

/** The open Argo gate workflows, from Temporal's visibility (a list query, or the older API). */
final class OpenGates {
  static final String WORKFLOW_TYPE = "ArgoGateWorkflow";
  private static final int PAGE = 1000;

  private OpenGates() {}

  static List<String> workflowIds(WorkflowClient temporal) {
    WorkflowServiceBlockingStub svc = temporal.getWorkflowServiceStubs().blockingStub();
    String namespace = temporal.getOptions().getNamespace();
    List<WorkflowExecutionInfo> found;
    try {
      found =
          svc.listWorkflowExecutions(
                  ListWorkflowExecutionsRequest.newBuilder()
                      .setNamespace(namespace)
                      .setPageSize(PAGE)
                      .setQuery(
                          "WorkflowType = '" + WORKFLOW_TYPE + "' AND ExecutionStatus = 'Running'")
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
                      .setMaximumPageSize(PAGE)
                      .setTypeFilter(WorkflowTypeFilter.newBuilder().setName(WORKFLOW_TYPE))
                      .build())
              .getExecutionsList();
    }
    return found.stream()
        .filter(i -> i.getType().getName().equals(WORKFLOW_TYPE))
        .map(i -> i.getExecution().getWorkflowId())
        .toList();
  }
}
