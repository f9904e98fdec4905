package dev.greenlight.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.worker.WorkerFactory;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * Sticky execution is on where a worker cannot outlive its server (the embedded server of {@code
 * run}) and against a real cluster, and off against a standalone dev server, where a worker can die
 * alone and the test server would strand its sticky tasks. Checked on the decision and on what it
 * does to a workflow that waits for a signal: with sticky execution the worker keeps it cached and
 * the signal's task runs without replaying the history; without, the workflow is replayed.
 */
class StickyExecutionTest {

  /** A workflow that waits for one signal, so its second workflow task can be sticky. */
  @WorkflowInterface
  public interface Waiter {
    @WorkflowMethod
    String run();

    @SignalMethod
    void go();
  }

  /** How often each workflow's code started running: once, plus once per replay. */
  static final Map<String, Integer> RUNS = new ConcurrentHashMap<>();

  /** The waiting workflow. */
  public static final class WaiterImpl implements Waiter {
    private boolean go;

    @Override
    public String run() {
      RUNS.merge(Workflow.getInfo().getWorkflowId(), 1, Integer::sum);
      Workflow.await(() -> go);
      return "done";
    }

    @Override
    public void go() {
      go = true;
    }
  }

  @Test
  void theDecisionFollowsWhetherAWorkerCanDieWithoutItsServer() {
    assertThat(TemporalConnection.kind(true, true)).isEqualTo(ServerKind.EMBEDDED);
    assertThat(TemporalConnection.kind(false, true)).isEqualTo(ServerKind.DEV_SERVER);
    assertThat(TemporalConnection.kind(false, false)).isEqualTo(ServerKind.CLUSTER);
    assertThat(ServerKind.EMBEDDED.stickyExecution()).isTrue();
    assertThat(ServerKind.DEV_SERVER.stickyExecution()).isFalse();
    assertThat(ServerKind.CLUSTER.stickyExecution()).isTrue();
    assertThat(
            GreenlightWorker.options(ServerKind.DEV_SERVER).getStickyQueueScheduleToStartTimeout())
        .isEqualTo(Duration.ZERO);
    assertThat(GreenlightWorker.options(ServerKind.EMBEDDED).getStickyQueueScheduleToStartTimeout())
        .as("unset: the SDK's default sticky timeout")
        .isNull();
  }

  @Test
  void withTheEmbeddedServerTheSignalsTaskRunsOnTheCachedWorkflow() throws Exception {
    try (TemporalConnection temporal = TemporalConnection.connect(Map.of())) {
      assertThat(temporal.serverKind()).isEqualTo(ServerKind.EMBEDDED);
      assertThat(temporal.embeddedAddress())
          .as("the embedded server's address, on loopback, for another process to reach")
          .hasValueSatisfying(a -> assertThat(a).matches("127\\.0\\.0\\.1:[0-9]+"));

      assertThat(runsOfOneWaiter(temporal)).as("no replay").isEqualTo(1);
    }
  }

  @Test
  void withAStandaloneDevServerTheSignalsTaskReplaysTheWorkflow() throws Exception {
    try (DevServer server = DevServer.start(0);
        TemporalConnection temporal =
            TemporalConnection.connect(Map.of("TEMPORAL_ADDRESS", server.address()))) {
      assertThat(temporal.serverKind()).isEqualTo(ServerKind.DEV_SERVER);
      assertThat(temporal.embeddedAddress()).as("no server of its own").isEmpty();

      assertThat(runsOfOneWaiter(temporal)).as("run, then replayed for the signal").isEqualTo(2);
    }
  }

  /** Runs one waiting workflow on a worker with Greenlight's options; how often its code ran. */
  private static int runsOfOneWaiter(TemporalConnection temporal) throws InterruptedException {
    String queue = "sticky-test-" + UUID.randomUUID();
    WorkerFactory factory = WorkerFactory.newInstance(temporal.client());
    factory
        .newWorker(queue, GreenlightWorker.options(temporal.serverKind()))
        .registerWorkflowImplementationTypes(WaiterImpl.class);
    factory.start();
    try {
      String id = "waiter-" + UUID.randomUUID();
      Waiter waiter =
          temporal
              .client()
              .newWorkflowStub(
                  Waiter.class,
                  WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue(queue).build());
      WorkflowClient.start(waiter::run);
      WorkflowStub untyped = WorkflowStub.fromTyped(waiter);
      // The first task must have completed (and cached the workflow) before the signal.
      while (temporal.client().fetchHistory(id).getEvents().stream()
          .noneMatch(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED)) {
        Thread.sleep(20);
      }
      waiter.go();
      assertThat(untyped.getResult(String.class)).isEqualTo("done");
      return RUNS.get(id);
    } finally {
      factory.shutdownNow();
    }
  }
}
