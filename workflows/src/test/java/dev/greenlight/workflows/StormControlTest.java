package dev.greenlight.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.api.AlertFacts;
import dev.greenlight.api.AlertNote;
import dev.greenlight.api.AuditEntry;
import dev.greenlight.api.IncidentRequest;
import dev.greenlight.api.IntakeAlert;
import dev.greenlight.api.IntakeAnswer;
import dev.greenlight.api.IntakeAnswer.Verdict;
import dev.greenlight.api.IntakeBatch;
import dev.greenlight.api.Outcome;
import dev.greenlight.api.Risk;
import dev.greenlight.intake.AlertIntake;
import dev.greenlight.intake.IntakeClient;
import dev.greenlight.intake.IntakeState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Storm control as the alert intake's decision, in the time-skipping test server with the real
 * intake, the real incidents and the intake's real activities: per-service joins, the global cap,
 * deliveries at the same instant, a closed incident freeing its slot, and continue-as-new.
 */
class StormControlTest extends WorkflowFixture {
  private static final long STARTS = 1_700_000_000_000L;

  @BeforeEach
  void slowRisk() {
    startPacemaker(Duration.ofMinutes(1));
    classifier.answer = Fakes.classification(Risk.MEDIUM, 0.95); // waits at the gate
  }

  @Test
  void aSecondAlertForTheServiceJoinsTheOpenIncidentsThread() {
    IntakeAnswer a = deliver(2, 20, firing("A1", "fp-a", "checkout-api"));
    IntakeAnswer b = deliver(2, 20, firing("A2", "fp-b", "checkout-api"));
    IntakeAnswer c = deliver(1, 20, firing("A3", "fp-c", "checkout-api"));

    assertThat(verdicts(a)).containsExactly(Verdict.STARTED);
    assertThat(verdicts(b)).as("two may be open per service").containsExactly(Verdict.STARTED);
    assertThat(c.decisions().get(0).verdict()).isEqualTo(Verdict.JOINED);
    assertThat(c.decisions().get(0).target()).isEqualTo("A1");
    RemediationWorkflow first = incident("A1");
    awaitAudit(first, "also firing: HighLatency on checkout-api");
    assertThat(intakeAudit(IntakeState.Kind.JOINED))
        .singleElement()
        .satisfies(e -> assertThat(e.detail()).contains("fp-c", "joined A1"));
    // A repeat of the joined alert is a repeat, not a second note.
    assertThat(verdicts(deliver(1, 20, firing("A3", "fp-c", "checkout-api"))))
        .containsExactly(Verdict.REPEATED);
  }

  @Test
  void beyondTheGlobalCapAlertsAreHeldBackInTheIntakesAudit() {
    IntakeAnswer storm =
        deliver(
            1,
            2,
            firing("G1", "fp-1", "cart-api"),
            firing("G2", "fp-2", "orders-api"),
            firing("G3", "fp-3", "ledger-api"),
            firing("G1", "fp-1", "cart-api"));

    assertThat(verdicts(storm))
        .containsExactly(Verdict.STARTED, Verdict.STARTED, Verdict.HELD_BACK, Verdict.REPEATED);
    assertThat(storm.openNow()).isEqualTo(2);
    assertThat(intakeAudit(IntakeState.Kind.HELD_BACK))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.incidentId()).isEqualTo("G3");
              assertThat(e.service()).isEqualTo("ledger-api");
              assertThat(e.detail()).contains("2 alert incidents are open (max-open 2)");
            });
  }

  @Test
  void deliveriesAtTheSameInstantOpenOneIncidentPerService() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(6);
    List<Future<IntakeAnswer>> sent = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      // Two firings of one service, each sent three times, all at once (replicas, retries).
      IntakeAlert alert = firing("R" + (i % 2), "fp-r" + (i % 2), "checkout-api");
      sent.add(pool.submit((Callable<IntakeAnswer>) () -> deliver(1, 20, alert)));
    }
    List<Verdict> all = new ArrayList<>();
    for (Future<IntakeAnswer> f : sent) {
      all.addAll(verdicts(f.get()));
    }
    pool.shutdown();

    assertThat(all).filteredOn(v -> v == Verdict.STARTED).hasSize(1);
    assertThat(all).filteredOn(v -> v == Verdict.JOINED).hasSize(1);
    assertThat(all).filteredOn(v -> v == Verdict.REPEATED).hasSize(4);
    assertThat(client.newWorkflowStub(AlertIntake.class, AlertIntake.WORKFLOW_ID).open())
        .hasSize(1);
    // The intake's own history (concurrent updates, a start, a join) replays deterministically.
    io.temporal.testing.WorkflowReplayer.replayWorkflowExecution(
        client.fetchHistory(AlertIntake.WORKFLOW_ID), dev.greenlight.intake.AlertIntakeImpl.class);
  }

  @Test
  void aClosedIncidentFreesItsSlotAndItsFiringNeverStartsAgain() {
    deliver(1, 1, firing("C1", "fp-c1", "checkout-api"));
    RemediationWorkflow c1 = incident("C1");
    awaitOpenGate(c1);
    assertThat(verdicts(deliver(1, 1, firing("C2", "fp-c2", "orders-api"))))
        .containsExactly(Verdict.HELD_BACK);

    IntakeAnswer resolved = deliver(1, 1, resolved("C1", "fp-c1", "checkout-api"));
    assertThat(verdicts(resolved)).containsExactly(Verdict.RESOLVED);
    assertThat(result("C1").outcome()).isEqualTo(Outcome.RESOLVED);
    awaitIntake(open -> open.isEmpty());

    assertThat(verdicts(deliver(1, 1, firing("C2", "fp-c2", "orders-api"))))
        .containsExactly(Verdict.STARTED);
    assertThat(intakeAudit(IntakeState.Kind.CLOSED))
        .extracting(IntakeState.Entry::incidentId)
        .containsExactly("C1");
    // The same firing again, after its incident closed: REJECT_DUPLICATE, nothing starts.
    env.sleep(Duration.ofMinutes(2));
    assertThat(verdicts(deliver(1, 2, firing("C1", "fp-c1", "checkout-api"))))
        .containsExactly(Verdict.REPEATED);
  }

  @Test
  void theIntakeKeepsItsBookWhenItContinuesAsNew() {
    // High risk with a three-day approval timeout: the incident stays open across the new run.
    high = new dev.greenlight.api.GateRule(2, false, Duration.ofDays(3).toSeconds(), List.of());
    classifier.answer = Fakes.classification(Risk.HIGH, 0.95);
    deliver(1, 20, firing("K1", "fp-k1", "checkout-api"));
    String firstRun =
        client.newUntypedWorkflowStub(AlertIntake.WORKFLOW_ID).describe().getExecution().getRunId();
    env.sleep(Duration.ofHours(25));
    assertThat(
            client
                .newUntypedWorkflowStub(AlertIntake.WORKFLOW_ID)
                .describe()
                .getExecution()
                .getRunId())
        .isNotEqualTo(firstRun);

    IntakeAnswer after = deliver(1, 20, firing("K2", "fp-k2", "checkout-api"));
    assertThat(after.decisions().get(0).verdict()).isEqualTo(Verdict.JOINED);
    assertThat(intakeAudit(IntakeState.Kind.STARTED)).hasSize(1);
  }

  @Test
  void anIncidentStartedBeforeTheIntakeIsFoundAndForgottenOnceItClosed() {
    // An alert incident an older bot started: the service memo, no intake memo.
    IntakeAlert old = firing("OLD", "fp-old", "checkout-api");
    RemediationWorkflow before =
        client.newWorkflowStub(
            RemediationWorkflow.class,
            io.temporal.client.WorkflowOptions.newBuilder()
                .setWorkflowId(RemediationWorkflow.workflowId("OLD"))
                .setTaskQueue(RemediationWorkflow.TASK_QUEUE)
                .setMemo(java.util.Map.of("greenlight-alert-service", "checkout-api"))
                .build());
    io.temporal.client.WorkflowClient.start(before::run, old.request());
    awaitOpenGate(before);

    IntakeAnswer joined = deliver(1, 20, firing("J1", "fp-j1", "checkout-api"));
    assertThat(joined.decisions().get(0).verdict()).isEqualTo(Verdict.JOINED);
    assertThat(joined.decisions().get(0).target()).isEqualTo("OLD");
    assertThat(intakeAudit(IntakeState.Kind.FOUND))
        .extracting(IntakeState.Entry::incidentId)
        .containsExactly("OLD");

    // It closes without telling the intake; the next alert finds out when it would join it.
    before.alertUpdate(
        new AlertNote("fp-old@" + STARTS, "HighLatency", "checkout-api", true, STARTS, null));
    assertThat(result("OLD").outcome()).isEqualTo(Outcome.RESOLVED);
    IntakeAnswer next = deliver(1, 20, firing("J2", "fp-j2", "checkout-api"));
    assertThat(verdicts(next)).containsExactly(Verdict.STARTED);
    assertThat(intakeAudit(IntakeState.Kind.CLOSED))
        .singleElement()
        .satisfies(e -> assertThat(e.detail()).contains("found joining an alert"));
  }

  @Test
  void anIncidentWhoseIntakeIsGoneStillEndsAsItsStorySays() {
    IntakeAlert orphan = firing("GONE", "fp-gone", "checkout-api");
    RemediationWorkflow wf =
        client.newWorkflowStub(
            RemediationWorkflow.class,
            io.temporal.client.WorkflowOptions.newBuilder()
                .setWorkflowId(RemediationWorkflow.workflowId("GONE"))
                .setTaskQueue(RemediationWorkflow.TASK_QUEUE)
                .setMemo(java.util.Map.of(IntakeNotice.MEMO, "no-such-intake"))
                .build());
    io.temporal.client.WorkflowClient.start(wf::run, orphan.request());
    awaitOpenGate(wf);
    wf.alertUpdate(
        new AlertNote("fp-gone@" + STARTS, "HighLatency", "checkout-api", true, STARTS, null));
    assertThat(result("GONE").outcome()).isEqualTo(Outcome.RESOLVED);
  }

  @Test
  void aMalformedDeliveryIsRefusedAndTheIntakeGoesOn() {
    IntakeAlert noRequest =
        new IntakeAlert(
            "M1",
            new AlertNote("fp-m@1", "HighLatency", "checkout-api", false, STARTS, null),
            null);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> deliver(1, 20, noRequest))
        .hasStackTraceContaining("alerts[0]: missing the incident a firing alert starts");
    assertThat(verdicts(deliver(1, 20, firing("M2", "fp-m2", "checkout-api"))))
        .containsExactly(Verdict.STARTED);
  }

  private IntakeAnswer deliver(int perService, int max, IntakeAlert... alerts) {
    return IntakeClient.deliver(client, new IntakeBatch(List.of(alerts), perService, max));
  }

  private IntakeAlert firing(String id, String fingerprint, String service) {
    String key = fingerprint + "@" + STARTS;
    IncidentRequest base = request(id);
    IncidentRequest r =
        new IncidentRequest(
            id,
            service,
            "HighLatency: p99 3s",
            "alertmanager",
            base.channelId(),
            base.policy(),
            new AlertFacts("alertmanager", "HighLatency", key, STARTS, null, 0));
    return new IntakeAlert(
        id, new AlertNote(key, "HighLatency", service, false, STARTS, "p99 3s"), r);
  }

  private static IntakeAlert resolved(String id, String fingerprint, String service) {
    String key = fingerprint + "@" + STARTS;
    return new IntakeAlert(
        id, new AlertNote(key, "HighLatency", service, true, STARTS + 60_000, null), null);
  }

  private static List<Verdict> verdicts(IntakeAnswer a) {
    return a.decisions().stream().map(IntakeAnswer.Decision::verdict).toList();
  }

  private RemediationWorkflow incident(String id) {
    return client.newWorkflowStub(RemediationWorkflow.class, RemediationWorkflow.workflowId(id));
  }

  private List<IntakeState.Entry> intakeAudit(IntakeState.Kind kind) {
    return client.newWorkflowStub(AlertIntake.class, AlertIntake.WORKFLOW_ID).audit().stream()
        .filter(e -> e.kind() == kind)
        .toList();
  }

  private void awaitIntake(java.util.function.Predicate<List<IntakeState.Open>> until) {
    AlertIntake intake = client.newWorkflowStub(AlertIntake.class, AlertIntake.WORKFLOW_ID);
    for (int i = 0; i < 200 && !until.test(intake.open()); i++) {
      env.sleep(Duration.ofMillis(50));
    }
    assertThat(until.test(intake.open())).as("intake: " + intake.open()).isTrue();
  }

  private void awaitAudit(RemediationWorkflow wf, String text) {
    for (int i = 0; i < 200; i++) {
      if (wf.audit().stream().map(AuditEntry::detail).anyMatch(d -> d.contains(text))) {
        return;
      }
      env.sleep(Duration.ofMillis(50));
    }
    throw new AssertionError("no audit entry with '" + text + "': " + wf.audit());
  }
}
