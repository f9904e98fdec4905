package dev.greenlight.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.activities.RemediationActivities;
import dev.greenlight.api.ActionResult;
import dev.greenlight.api.AlertFacts;
import dev.greenlight.api.AlertNote;
import dev.greenlight.api.Decision;
import dev.greenlight.api.Decision.Verdict;
import dev.greenlight.api.GateState;
import dev.greenlight.api.IncidentCard;
import dev.greenlight.api.IncidentRequest;
import dev.greenlight.api.IncidentResult;
import dev.greenlight.api.Outcome;
import dev.greenlight.api.Risk;
import dev.greenlight.api.ThreadUpdate;
import dev.greenlight.api.ThreadUpdate.Step;
import dev.greenlight.api.VerificationResult;
import io.temporal.client.BatchRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Incidents an alert started hear from their alerts: the own alert resolving closes an open gate
 * with nothing run, never cancels an approved action, and other alerts for the service join the
 * thread once each. Time-skipping test server, the real workflow, fake activities.
 */
class AlertUpdatesTest {
  private static final String KEY = "fp1@1700000000000";
  private static final long STARTS = 1_700_000_000_000L;
  private static final long ENDS = STARTS + 7 * 60_000L;

  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private final Fakes.Classifier classifier = new Fakes.Classifier();
  private final Fakes.Notifier notifier = new Fakes.Notifier();
  private final Fakes.Remediator remediator = new Fakes.Remediator();
  private final HeldRemediator held = new HeldRemediator(remediator);
  private final WorkflowFixture requests = new WorkflowFixture() {};

  @BeforeEach
  void startServer() {
    env = TestWorkflowEnvironment.newInstance();
    Worker worker = env.newWorker(RemediationWorkflow.TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(RemediationWorkflowImpl.class);
    worker.registerActivitiesImplementations(classifier, notifier, held, new Fakes.Directory());
    env.start();
    client = env.getWorkflowClient();
  }

  @AfterEach
  void stopServer() {
    held.release.countDown();
    env.close();
  }

  @Test
  void theOwnAlertResolvingAtTheGateClosesItWithNothingRun() {
    RemediationWorkflow wf = start("A1", alertRequest("A1"));
    awaitGate(wf, GateState.OPEN);
    wf.alertUpdate(new AlertNote(KEY, "PodsOOMKilled", "checkout-api", true, ENDS, null));

    IncidentResult result = result("A1");
    assertThat(result.outcome()).isEqualTo(Outcome.RESOLVED);
    assertThat(result.gate().state()).isEqualTo(GateState.RESOLVED);
    assertThat(result.detail()).contains("resolved on its own at 22:20 UTC");
    assertThat(remediator.actions).hasValue(0);
    assertThat(notifier.threadUpdates)
        .anySatisfy(
            u -> {
              assertThat(u.step()).isEqualTo(Step.ALERT_RESOLVED);
              assertThat(u.detail()).contains("22:20 UTC", "Nothing was run");
            });
    IncidentCard last = notifier.updates.get(notifier.updates.size() - 1);
    assertThat(last.outcome()).isEqualTo(Outcome.RESOLVED);
    assertThat(last.alert().resolvedAtMillis()).isEqualTo(ENDS);
    assertThat(notifier.posted.get(0).alert().alertName()).isEqualTo("PodsOOMKilled");
  }

  @Test
  void anAlertResolvedBeforeTheGateRunsNothingEvenWhenPolicyWouldApprove() {
    classifier.answer = Fakes.classification(Risk.LOW, 0.99);
    RemediationWorkflow wf = stub("A2");
    BatchRequest batch = client.newSignalWithStartRequest();
    batch.add(wf::run, alertRequest("A2"));
    batch.add(
        wf::alertUpdate, new AlertNote(KEY, "PodsOOMKilled", "checkout-api", true, ENDS, null));
    client.signalWithStart(batch);

    IncidentResult result = result("A2");
    assertThat(result.outcome()).isEqualTo(Outcome.RESOLVED);
    assertThat(remediator.actions).hasValue(0);
    assertThat(notifier.posted).hasSize(1);
    assertThat(notifier.steps).doesNotContain(Step.AUTO_APPROVED, Step.REMEDIATION_STARTED);
  }

  @Test
  void aRunningActionIsNotCancelledButTheThreadSaysTheAlertResolved() throws Exception {
    held.hold = true;
    RemediationWorkflow wf = start("A3", alertRequest("A3"));
    wf.decide(new Decision(Verdict.APPROVE, WorkflowFixture.ALICE, awaitGate(wf, GateState.OPEN)));
    assertThat(held.started.await(30, TimeUnit.SECONDS)).isTrue();
    wf.alertUpdate(new AlertNote(KEY, "PodsOOMKilled", "checkout-api", true, ENDS, null));
    awaitStep(Step.ALERT_RESOLVED);
    held.release.countDown();

    IncidentResult result = result("A3");
    assertThat(result.outcome()).isEqualTo(Outcome.RECOVERED);
    assertThat(remediator.actions).hasValue(1);
    assertThat(notifier.threadUpdates)
        .filteredOn(u -> u.step() == Step.ALERT_RESOLVED)
        .singleElement()
        .satisfies(u -> assertThat(u.detail()).contains("not cancelled"));
    IncidentCard last = notifier.updates.get(notifier.updates.size() - 1);
    assertThat(last.alert().resolved()).isTrue();
  }

  @Test
  void aProposalThatChangedAfterTheAlertResolvedClosesItsNewGateWithNothingRun() throws Exception {
    held.hold = true;
    remediator.currentHash = "the runbook changed since";
    RemediationWorkflow wf = start("A7", alertRequest("A7"));
    wf.decide(new Decision(Verdict.APPROVE, WorkflowFixture.ALICE, awaitGate(wf, GateState.OPEN)));
    assertThat(held.started.await(30, TimeUnit.SECONDS)).isTrue();
    wf.alertUpdate(new AlertNote(KEY, "PodsOOMKilled", "checkout-api", true, ENDS, null));
    awaitStep(Step.ALERT_RESOLVED);
    held.release.countDown();

    IncidentResult result = result("A7");
    assertThat(result.outcome()).isEqualTo(Outcome.RESOLVED);
    assertThat(remediator.actions).hasValue(0);
    // Nothing was sent (the runbook changed); the new proposal's gate opens and closes at once.
    assertThat(notifier.steps)
        .endsWith(Step.PROPOSAL_CHANGED, Step.AWAITING_APPROVAL, Step.ALERT_RESOLVED);
  }

  @Test
  void otherAlertsJoinTheThreadOnceEachAndSayWhenTheyStop() {
    RemediationWorkflow wf = start("A4", alertRequest("A4"));
    String nonce = awaitGate(wf, GateState.OPEN);
    AlertNote other =
        new AlertNote("fp2@1", "HighLatency <!channel>", "checkout-api", false, STARTS, "p99 3s");
    wf.alertUpdate(other);
    wf.alertUpdate(other);
    wf.alertUpdate(new AlertNote("fp2@1", "HighLatency", "checkout-api", true, ENDS, null));
    wf.alertUpdate(new AlertNote("fp3@1", "Unseen", "checkout-api", true, ENDS, null));
    awaitStep(Step.ALSO_RESOLVED);
    wf.decide(new Decision(Verdict.APPROVE, WorkflowFixture.ALICE, nonce));
    result("A4");

    List<ThreadUpdate> notes =
        notifier.threadUpdates.stream()
            .filter(u -> u.step() == Step.ALSO_FIRING || u.step() == Step.ALSO_RESOLVED)
            .toList();
    assertThat(notes)
        .extracting(ThreadUpdate::step)
        .containsExactly(Step.ALSO_FIRING, Step.ALSO_RESOLVED);
    assertThat(notes.get(0).detail()).contains("HighLatency <!channel> on checkout-api", "p99 3s");
    assertThat(wf.audit()).anySatisfy(e -> assertThat(e.detail()).startsWith("also firing:"));
  }

  @Test
  void anotherAlertArrivingBeforeTheCardIsThreadedUnderIt() {
    RemediationWorkflow wf = stub("A6");
    BatchRequest batch = client.newSignalWithStartRequest();
    batch.add(wf::run, alertRequest("A6"));
    batch.add(
        wf::alertUpdate,
        new AlertNote("fp9@1", "HighLatency", "checkout-api", false, STARTS, null));
    client.signalWithStart(batch);
    String nonce = awaitGate(wf, GateState.OPEN);
    awaitStep(Step.ALSO_FIRING);
    wf.decide(new Decision(Verdict.APPROVE, WorkflowFixture.ALICE, nonce));
    result("A6");

    assertThat(notifier.steps.indexOf(Step.ALSO_FIRING))
        .isGreaterThan(notifier.steps.indexOf(Step.CLASSIFIED));
    assertThat(notifier.posted).hasSize(1);
  }

  @Test
  void anIncidentAPersonReportedIgnoresAlertNews() {
    RemediationWorkflow wf = start("A5", requests.request("A5"));
    String nonce = awaitGate(wf, GateState.OPEN);
    wf.alertUpdate(new AlertNote(KEY, "PodsOOMKilled", "checkout-api", true, ENDS, null));
    wf.decide(new Decision(Verdict.APPROVE, WorkflowFixture.ALICE, nonce));

    assertThat(result("A5").outcome()).isEqualTo(Outcome.RECOVERED);
    assertThat(notifier.steps).doesNotContain(Step.ALERT_RESOLVED);
    assertThat(client.fetchHistory(RemediationWorkflow.workflowId("A5")).getHistory().toString())
        .doesNotContain(AlertWatch.CHANGE_ID);
  }

  private IncidentRequest alertRequest(String id) {
    IncidentRequest r = requests.request(id);
    return new IncidentRequest(
        r.incidentId(),
        r.service(),
        "PodsOOMKilled: pods OOMKilled and restarting",
        "alertmanager",
        r.channelId(),
        r.policy(),
        new AlertFacts("alertmanager", "PodsOOMKilled", KEY, STARTS, "restart-oom-pods", 0));
  }

  private RemediationWorkflow stub(String id) {
    return client.newWorkflowStub(
        RemediationWorkflow.class,
        WorkflowOptions.newBuilder()
            .setWorkflowId(RemediationWorkflow.workflowId(id))
            .setTaskQueue(RemediationWorkflow.TASK_QUEUE)
            .build());
  }

  private RemediationWorkflow start(String id, IncidentRequest request) {
    RemediationWorkflow wf = stub(id);
    WorkflowClient.start(wf::run, request);
    return wf;
  }

  private String awaitGate(RemediationWorkflow wf, GateState state) {
    for (int i = 0; i < 200; i++) {
      if (wf.gate().state() == state) {
        return wf.gate().nonce();
      }
      env.sleep(Duration.ofMillis(50));
    }
    throw new AssertionError("gate never reached " + state + ": " + wf.gate());
  }

  private void awaitStep(Step step) {
    for (int i = 0; i < 400 && !notifier.steps.contains(step); i++) {
      try {
        Thread.sleep(25);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
    assertThat(notifier.steps).contains(step);
  }

  private IncidentResult result(String id) {
    return client
        .newUntypedWorkflowStub(RemediationWorkflow.workflowId(id))
        .getResult(IncidentResult.class);
  }

  /** The fake remediator, optionally held inside the action until the test releases it. */
  static final class HeldRemediator implements RemediationActivities {
    private final Fakes.Remediator delegate;
    volatile boolean hold;
    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    HeldRemediator(Fakes.Remediator delegate) {
      this.delegate = delegate;
    }

    @Override
    public ActionResult remediate(
        String workflowId,
        String incidentId,
        String runbookId,
        String service,
        String proposalHash) {
      started.countDown();
      if (hold) {
        try {
          release.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return delegate.remediate(workflowId, incidentId, runbookId, service, proposalHash);
    }

    @Override
    public dev.greenlight.api.ActionPreview preview(
        String workflowId, String incidentId, String runbookId, String service) {
      return delegate.preview(workflowId, incidentId, runbookId, service);
    }

    @Override
    public VerificationResult verify(String incidentId, String runbookId, String service) {
      return delegate.verify(incidentId, runbookId, service);
    }
  }
}
