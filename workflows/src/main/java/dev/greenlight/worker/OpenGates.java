package dev.greenlight.worker;

import io.temporal.client.WorkflowClient;
import java.util.List;

/** The open Argo gate workflows, from Temporal's visibility (a list query, or the older API). */
final class OpenGates {
  static final String WORKFLOW_TYPE = "ArgoGateWorkflow";
  private static final int PAGE = 1000;

  private OpenGates() {}

  static List<String> workflowIds(WorkflowClient temporal) {
    return RunningWorkflows.of(temporal, WORKFLOW_TYPE, PAGE).stream()
        .map(i -> i.getExecution().getWorkflowId())
        .toList();
  }
}
