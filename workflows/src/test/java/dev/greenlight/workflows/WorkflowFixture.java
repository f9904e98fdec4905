package dev.greenlight.workflows;

import dev.greenlight.api.GateRule;
import dev.greenlight.api.GateState;
import dev.greenlight.api.GateView;
import dev.greenlight.api.IncidentRequest;
import dev.greenlight.api.IncidentResult;
import dev.greenlight.api.PolicySnapshot;
import dev.greenlight.api.Principal;
import dev.greenlight.api.RailsPolicy;
import dev.greenlight.api.Risk;
import dev.greenlight.api.RunbookChoice;
import dev.greenlight.rails.BreakerWorkflow;
import dev.greenlight.rails.BreakerWorkflowImpl;
import dev.greenlight.rails.RailsActivities;
import dev.greenlight.rails.RailsActivitiesImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A time-skipping Temporal test server with the real workflow and fake activities. */
abstract class WorkflowFixture {
  static final String ALICE = "U0ALICE";
  static final String BOB = "U0BOB";
  static final String DAN = "U0DAN";
  static final String REQUESTER = "U0REQ";
  static final String MALLORY = "U0MALLORY";
  static final String ONCALL = "U0CAROL";

  TestWorkflowEnvironment env;
  WorkflowClient client;
  final Fakes.Classifier classifier = new Fakes.Classifier();
  final Fakes.Notifier notifier = new Fakes.Notifier();
  final Fakes.Remediator remediator = new Fakes.Remediator();
  final Fakes.Directory directory = new Fakes.Directory();
  final FakeArgoGates argoGates = new FakeArgoGates();

  /** The approvers of every tier in {@link #request}; tests may change it before starting. */
  List<String> approvers = List.of(ALICE, BOB, DAN);

  String requester = REQUESTER;

  /** The high tier's rule in {@link #request}; tests may change it before starting. */
  GateRule high = new GateRule(2, false, 3600, List.of());

  /** The rails of every incident {@link #request} makes; tests may change it before starting. */
  RailsPolicy rails = RailsPolicy.NONE;

  /** Whether incidents {@link #request} makes upsert search attributes. */
  boolean searchAttributes;

  /** The catalog offered when nothing matches; empty: such an incident ends with nothing run. */
  List<RunbookChoice> choices = List.of();

  @BeforeEach
  void startServer() {
    env = TestWorkflowEnvironment.newInstance();
    Worker worker = env.newWorker(RemediationWorkflow.TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(
        RemediationWorkflowImpl.class,
        BreakerWorkflowImpl.class,
        Pacemaker.Impl.class,
        dev.greenlight.intake.AlertIntakeImpl.class,
        ArgoGateWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        classifier,
        notifier,
        remediator,
        directory,
        argoGates,
        railsActivities(env.getWorkflowClient()),
        new dev.greenlight.worker.IntakeActivitiesImpl(env.getWorkflowClient()));
    env.newWorker(BreakerWorkflow.TASK_QUEUE)
        .registerWorkflowImplementationTypes(BreakerWorkflowImpl.class);
    remediator.clock = () -> env.currentTimeMillis();
    env.start();
    client = env.getWorkflowClient();
  }

  /** The rails' activities the worker hosts; a test may wrap them to make them fail. */
  RailsActivities railsActivities(WorkflowClient workflowClient) {
    return new RailsActivitiesImpl(workflowClient);
  }

  @AfterEach
  void stopServer() {
    env.close();
  }

  /**
   * Low and medium: one approver, one hour, a reminder at 15 minutes and on-call at 45; high: two
   * approvers, not the requester, no ladder.
   */
  IncidentRequest request(String id) {
    List<GateRule.Escalation> ladder =
        List.of(
            new GateRule.Escalation(15 * 60, true, false, List.of()),
            new GateRule.Escalation(45 * 60, false, true, List.of(Principal.of("S0LEADS"))));
    Map<Risk, GateRule> tiers =
        Map.of(
            Risk.LOW, new GateRule(1, true, 3600, ladder),
            Risk.MEDIUM, new GateRule(1, true, 3600, ladder),
            Risk.HIGH, high);
    return new IncidentRequest(
        id,
        "checkout-api",
        "pods OOMKilled since 14:02",
        requester,
        "C0INCIDENTS",
        new PolicySnapshot(
                0.8,
                approvers.stream().map(Principal::of).toList(),
                ONCALL,
                tiers,
                Map.of(),
                choices)
            .withRails(rails, searchAttributes));
  }

  /**
   * Starts a {@link Pacemaker}: from now on no jump of skipped time is longer than {@code period}.
   */
  void startPacemaker(java.time.Duration period) {
    Pacemaker p =
        client.newWorkflowStub(
            Pacemaker.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId("pacemaker")
                .setTaskQueue(RemediationWorkflow.TASK_QUEUE)
                .build());
    WorkflowClient.start(p::run, period.toMillis());
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
      if (v.state() == GateState.OPEN || v.state() == GateState.CHOOSING) {
        return v.nonce();
      }
      env.sleep(java.time.Duration.ofMillis(50));
    }
    throw new AssertionError("gate never opened: " + wf.gate());
  }

  /** As {@link #awaitOpenGate(RemediationWorkflow)}, for an Argo suspend gate. */
  String awaitOpenGate(ArgoGateWorkflow wf) {
    for (int i = 0; i < 200; i++) {
      GateView v = wf.gate();
      if (v.state() == GateState.OPEN) {
        return v.nonce();
      }
      env.sleep(java.time.Duration.ofMillis(50));
    }
    throw new AssertionError("gate never opened: " + wf.gate());
  }

  /**
   * Waits until a gate other than the one with nonce {@code old} is open, and returns its nonce.
   */
  String awaitNewGate(RemediationWorkflow wf, String old) {
    for (int i = 0; i < 200; i++) {
      GateView v = wf.gate();
      if (v.nonce() != null && !old.equals(v.nonce())) {
        return v.nonce();
      }
      env.sleep(java.time.Duration.ofMillis(50));
    }
    throw new AssertionError("no new gate opened: " + wf.gate());
  }

  IncidentResult result(String id) {
    return client
        .newUntypedWorkflowStub(RemediationWorkflow.workflowId(id))
        .getResult(IncidentResult.class);
  }
}
