package dev.greenlight.bot.slack;

import dev.greenlight.api.IncidentSummary;
import dev.greenlight.worker.RunningWorkflows;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which incidents are open, from Temporal's visibility ({@link RunningWorkflows}), newest first,
 * and what each says of itself. Part of {@link IncidentClient}, the bot's only Temporal client.
 */
final class OpenIncidents {
  private static final Logger log = LoggerFactory.getLogger(OpenIncidents.class);

  static final String WORKFLOW_TYPE = "RemediationWorkflow";
  static final String QUERY = RunningWorkflows.query(WORKFLOW_TYPE);

  private OpenIncidents() {}

  /** The workflow IDs of the open incidents, newest first, at most {@code limit}. */
  static List<String> workflowIds(WorkflowClient temporal, int limit) {
    List<WorkflowExecutionInfo> found = RunningWorkflows.of(temporal, WORKFLOW_TYPE, limit);
    return found.stream()
        .sorted(
            Comparator.comparingLong((WorkflowExecutionInfo i) -> i.getStartTime().getSeconds())
                .thenComparingInt(i -> i.getStartTime().getNanos())
                .reversed())
        .limit(limit)
        .map(i -> i.getExecution().getWorkflowId())
        .toList();
  }

  /**
   * Asks each workflow for its summary, all at once and within {@code budget}, and keeps the open
   * ones; an incident that does not answer in time is left out.
   */
  static List<IncidentSummary> stillOpen(
      List<String> workflowIds,
      Function<String, IncidentSummary> summary,
      ExecutorService pool,
      Duration budget) {
    List<Future<IncidentSummary>> asked = new ArrayList<>();
    for (String id : workflowIds) {
      asked.add(pool.submit(() -> summary.apply(id)));
    }
    long deadline = System.nanoTime() + budget.toNanos();
    List<IncidentSummary> out = new ArrayList<>();
    for (Future<IncidentSummary> f : asked) {
      try {
        IncidentSummary s = f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (s != null && s.outcome() == null) {
          out.add(s);
        }
      } catch (TimeoutException e) {
        f.cancel(true);
      } catch (Exception e) {
        log.info("An open incident did not answer its summary: {}", e.getMessage());
      }
    }
    return out;
  }

  /** Temporal's description of a workflow, open or closed; NOT_FOUND when it has no record. */
  static Object describe(WorkflowClient temporal, String workflowId) {
    return temporal
        .getWorkflowServiceStubs()
        .blockingStub()
        .describeWorkflowExecution(
            DescribeWorkflowExecutionRequest.newBuilder()
                .setNamespace(temporal.getOptions().getNamespace())
                .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
                .build());
  }

  /** Whether the failure, or any of its causes, is Temporal's NOT_FOUND. */
  static boolean notFound(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof StatusRuntimeException s
          && s.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return true;
      }
    }
    return false;
  }
}
