package dev.greenlight.worker;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.filter.v1.WorkflowTypeFilter;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryRequest;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsResponse;
import io.temporal.api.workflowservice.v1.ListWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListWorkflowExecutionsResponse;
import io.temporal.client.WorkflowClient;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open incidents that alerts started, read from Temporal's visibility: every replica sees the
 * same list. An alert incident carries its service in the memo {@value #SERVICE_MEMO}.
 *
 * <p>A real cluster answers {@code ListWorkflowExecutions} (the query {@code WorkflowType = ... AND
 * ExecutionStatus = 'Running'}) with the memo. The SDK's test server (the embedded and the {@code
 * dev-server}) implements only {@code ListOpenWorkflowExecutions} and lists no memo, so the memo is
 * read from each execution's first history event instead, once per run (it never changes).
 */
public final class OpenAlertIncidents {
  /** The memo key holding the service of an incident an alert started. */
  public static final String SERVICE_MEMO = "greenlight-alert-service";

  /** The workflow type whose executions are listed. */
  static final String TYPE = "RemediationWorkflow";

  /** One open alert incident. */
  public record Open(String workflowId, String service, long startedMillis) {}

  private final WorkflowServiceStubs service;
  private final String namespace;
  private final Map<String, Optional<String>> servicesByRun = new ConcurrentHashMap<>();
  private volatile boolean queryUnsupported;

  public OpenAlertIncidents(WorkflowClient client) {
    this.service = client.getWorkflowServiceStubs();
    this.namespace = client.getOptions().getNamespace();
  }

  /** The open alert incidents, oldest first; incidents no alert started are left out. */
  public List<Open> list() {
    List<WorkflowExecutionInfo> infos = queryUnsupported ? listOpen() : query();
    List<Open> open = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (WorkflowExecutionInfo info : infos) {
      String runId = info.getExecution().getRunId();
      seen.add(runId);
      Optional<String> svc =
          servicesByRun.computeIfAbsent(
              runId, r -> memo(info).or(() -> memoFromHistory(info.getExecution())));
      svc.ifPresent(
          s ->
              open.add(
                  new Open(
                      info.getExecution().getWorkflowId(),
                      s,
                      info.getStartTime().getSeconds() * 1000
                          + info.getStartTime().getNanos() / 1_000_000)));
    }
    servicesByRun.keySet().retainAll(seen);
    open.sort(Comparator.comparingLong(Open::startedMillis).thenComparing(Open::workflowId));
    return open;
  }

  private List<WorkflowExecutionInfo> query() {
    List<WorkflowExecutionInfo> out = new ArrayList<>();
    com.google.protobuf.ByteString token = com.google.protobuf.ByteString.EMPTY;
    try {
      do {
        ListWorkflowExecutionsResponse r =
            service
                .blockingStub()
                .listWorkflowExecutions(
                    ListWorkflowExecutionsRequest.newBuilder()
                        .setNamespace(namespace)
                        .setQuery("WorkflowType = '" + TYPE + "' AND ExecutionStatus = 'Running'")
                        .setPageSize(1000)
                        .setNextPageToken(token)
                        .build());
        out.addAll(r.getExecutionsList());
        token = r.getNextPageToken();
      } while (!token.isEmpty());
      return out;
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() != Status.Code.UNIMPLEMENTED) {
        throw e;
      }
      queryUnsupported = true;
      return listOpen();
    }
  }

  private List<WorkflowExecutionInfo> listOpen() {
    List<WorkflowExecutionInfo> out = new ArrayList<>();
    com.google.protobuf.ByteString token = com.google.protobuf.ByteString.EMPTY;
    do {
      ListOpenWorkflowExecutionsResponse r =
          service
              .blockingStub()
              .listOpenWorkflowExecutions(
                  ListOpenWorkflowExecutionsRequest.newBuilder()
                      .setNamespace(namespace)
                      .setTypeFilter(WorkflowTypeFilter.newBuilder().setName(TYPE))
                      .setMaximumPageSize(1000)
                      .setNextPageToken(token)
                      .build());
      out.addAll(r.getExecutionsList());
      token = r.getNextPageToken();
    } while (!token.isEmpty());
    return out;
  }

  private static Optional<String> memo(WorkflowExecutionInfo info) {
    return decode(info.getMemo().getFieldsMap().get(SERVICE_MEMO));
  }

  private Optional<String> memoFromHistory(WorkflowExecution execution) {
    List<HistoryEvent> events =
        service
            .blockingStub()
            .getWorkflowExecutionHistory(
                GetWorkflowExecutionHistoryRequest.newBuilder()
                    .setNamespace(namespace)
                    .setExecution(execution)
                    .setMaximumPageSize(1)
                    .build())
            .getHistory()
            .getEventsList();
    if (events.isEmpty() || !events.get(0).hasWorkflowExecutionStartedEventAttributes()) {
      return Optional.empty();
    }
    return decode(
        events
            .get(0)
            .getWorkflowExecutionStartedEventAttributes()
            .getMemo()
            .getFieldsMap()
            .get(SERVICE_MEMO));
  }

  private static Optional<String> decode(Payload payload) {
    return payload == null
        ? Optional.empty()
        : Optional.of(
            DefaultDataConverter.STANDARD_INSTANCE.fromPayload(
                payload, String.class, String.class));
  }
}
