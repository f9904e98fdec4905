package dev.greenlight.workflows;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A time-skipping Temporal test server with the real workflow and fake activities. */
abstract class WorkflowFixture {
  static final String ALICE = "U0ALICE";
  static final String MALLORY = "U0MALLORY";
  static final String ONCALL = "U0CAROL";

  TestWorkflowEnvironment env;
  WorkflowClient client;
  final Fakes.Classifier classifier = new Fakes.Classifier();
  final Fakes.Notifier notifier = new Fakes.Notifier();
  final Fakes.Remediator remediator = new Fakes.Remediator();

  @BeforeEach
  void startServer() {
    env = TestWorkflowEnvironment.newInstance();
    Worker worker = env.newWorker(RemediationWorkflow.TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(RemediationWorkflowImpl.class);
    worker.registerActivitiesImplementations(classifier, notifier, remediator);
    env.start();
    client = env.getWorkflowClient();
  }

  @AfterEach
  void stopServer() {
    env.close();
  }

  static IncidentRequest request(String id) {
    return new IncidentRequest(
        id,
        "checkout-api",
        "pods OOMKilled since 14:02",
        "U0REQ",
        "C0INCIDENTS",
        new PolicySnapshot(0.8, 3600, List.of(ALICE), ONCALL));
  }

  RemediationWorkflow start(String id) {
    RemediationWorkflow wf =
        client.newWorkflowStub(
            RemediationWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(RemediationWorkflow.workflowId(id))
                .setTaskQueue(RemediationWorkflow.TASK_QUEUE)
                .build());
    WorkflowClient.start(wf::run, request(id));
    return wf;
  }

  /** Waits (in skipped time) until the workflow has opened its gate, and returns the nonce. */
  String awaitOpenGate(RemediationWorkflow wf) {
    for (int i = 0; i < 200; i++) {
      GateView v = wf.gate();
      if (v.state() == GateState.OPEN) {
        return v.nonce();
      }
      env.sleep(java.time.Duration.ofMillis(50));
    }
    throw new AssertionError("gate never opened: " + wf.gate());
  }

  IncidentResult result(String id) {
    return client
        .newUntypedWorkflowStub(RemediationWorkflow.workflowId(id))
        .getResult(IncidentResult.class);
  }
}
