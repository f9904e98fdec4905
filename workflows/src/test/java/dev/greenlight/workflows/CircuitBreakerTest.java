package dev.greenlight.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.api.AuditEntry;
import dev.greenlight.api.CardRef;
import dev.greenlight.api.GateState;
import dev.greenlight.api.Hold;
import dev.greenlight.api.IncidentCard;
import dev.greenlight.api.IncidentResult;
import dev.greenlight.api.Outcome;
import dev.greenlight.api.RailsPolicy;
import dev.greenlight.api.Risk;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The circuit breaker in Temporal's time-skipping server: two failed verifications of a runbook on
 * a service within the window suspend its auto-approval; the window passing or an approver's reset
 * from the card lifts it.
 */
class CircuitBreakerTest extends WorkflowFixture {
  private static final CardRef CARD = new CardRef("C0INCIDENTS", "1700000000.000100");

  /**
   * A window far longer than any jump of the test server's skipped time (it skips to the next timer
   * whenever nothing runs, and a busy machine makes that happen at odd moments), so that only the
   * test that sleeps past the window sees it pass.
   */
  private static final long WINDOW_SECONDS = Duration.ofDays(365 * 100).toSeconds();

  @BeforeEach
  void twoFailuresInTheWindow() {
    startPacemaker(Duration.ofHours(1));
    rails =
        new RailsPolicy(2, WINDOW_SECONDS, List.of(), RailsPolicy.HighRiskInFreeze.EXTRA_APPROVER);
    classifier.answer = Fakes.classification(Risk.LOW, 0.95);
  }

  /** Two incidents whose fix runs by policy and does not recover. */
  private void failTwice() {
    remediator.recovers = false;
    for (String id : List.of("F1", "F2")) {
      start(id);
      IncidentResult r = closedResult(id);
      assertThat(r.gate().state()).isEqualTo(GateState.AUTO_APPROVED);
      assertThat(r.outcome()).isEqualTo(Outcome.ESCALATED);
    }
    remediator.recovers = true;
  }

  @Test
  void kFailuresWithinTheWindowSuspendAutoApproval() {
    failTwice();
    RemediationWorkflow third = start("F3");
    awaitOpenGate(third);

    assertThat(remediator.actions.get()).isEqualTo(2);
    IncidentCard card = notifier.posted.get(2);
    assertThat(card.holds()).extracting(Hold::kind).containsExactly(Hold.Kind.BREAKER);
    assertThat(card.holds().get(0).detail())
        .contains("2 failed verifications of restart-oom-pods on checkout-api within 876000h");
    assertThat(third.audit())
        .filteredOn(e -> e.kind() == AuditEntry.Kind.RAILS)
        .extracting(AuditEntry::detail)
        .anyMatch(d -> d.startsWith("auto-approval withheld: auto-approval suspended"));
  }

  @Test
  void theBreakerKeepsItsFailuresWhenItContinuesAsNew() {
    failTwice();
    String breaker =
        dev.greenlight.rails.BreakerWorkflow.workflowId("checkout-api", "restart-oom-pods");
    String firstRun = client.newUntypedWorkflowStub(breaker).describe().getExecution().getRunId();
    env.sleep(Duration.ofDays(8));
    assertThat(client.newUntypedWorkflowStub(breaker).describe().getExecution().getRunId())
        .isNotEqualTo(firstRun);

    RemediationWorkflow third = start("F3");
    awaitOpenGate(third);
    assertThat(remediator.actions.get()).isEqualTo(2);
  }

  @Test
  void oneFailureDoesNotTripIt() {
    remediator.recovers = false;
    start("F1");
    result("F1");
    remediator.recovers = true;
    start("OK");
    assertThat(result("OK").gate().state()).isEqualTo(GateState.AUTO_APPROVED);
  }

  @Test
  void theWindowPassingClosesTheBreaker() {
    rails = new RailsPolicy(2, 3600, List.of(), RailsPolicy.HighRiskInFreeze.EXTRA_APPROVER);
    failTwice();
    env.sleep(Duration.ofMinutes(61));
    start("LATER");
    IncidentResult r = result("LATER");

    assertThat(r.gate().state()).isEqualTo(GateState.AUTO_APPROVED);
    assertThat(r.outcome()).isEqualTo(Outcome.RECOVERED);
  }

  @Test
  void anApproverResetsItFromTheCardAndTheNextIncidentRunsByPolicy() {
    failTwice();
    RemediationWorkflow held = start("F3");
    awaitOpenGate(held);

    held.resetBreaker(MALLORY, CARD, "click-1");
    held.resetBreaker(ALICE, CARD, "click-2");
    awaitAudit(held, "breaker of restart-oom-pods on checkout-api reset");

    assertThat(held.audit())
        .anyMatch(
            e ->
                e.kind() == AuditEntry.Kind.CLICK_REFUSED
                    && MALLORY.equals(e.actor())
                    && e.detail().contains("NOT_AN_APPROVER"));
    assertThat(notifier.updates.get(notifier.updates.size() - 1).holds()).isEmpty();
    assertThat(held.gate().state()).isEqualTo(GateState.OPEN);

    held.resetBreaker(BOB, CARD, "click-3");
    awaitAudit(held, "breaker reset refused: NO_BREAKER");
    assertThat(notifier.told).contains(MALLORY + ":NOT_AN_APPROVER", BOB + ":NO_BREAKER");

    start("AFTER");
    assertThat(result("AFTER").gate().state()).isEqualTo(GateState.AUTO_APPROVED);
  }

  @Test
  void aResetFromAnotherMessageIsRefused() {
    failTwice();
    RemediationWorkflow held = start("F3");
    awaitOpenGate(held);

    held.resetBreaker(ALICE, new CardRef("C0INCIDENTS", "1700000000.999999"), "click-1");
    awaitAudit(held, "breaker reset refused: NOT_THIS_CARD");
    start("STILL");
    awaitOpenGate(client.newWorkflowStub(RemediationWorkflow.class, "incident-STILL"));
  }

  /**
   * The result of an incident, waited for in small steps of skipped time. Blocking on the result
   * would let the test server skip to its next timer once the incident is done, and with only the
   * breaker left that is the 10-year cap the test server puts on every run: the breaker would time
   * out. (A real server has no such cap.)
   */
  private IncidentResult closedResult(String id) {
    for (int i = 0; i < 400; i++) {
      if (client.newUntypedWorkflowStub(RemediationWorkflow.workflowId(id)).describe().getStatus()
          != io.temporal.api.enums.v1.WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
        return result(id);
      }
      env.sleep(Duration.ofMillis(50));
    }
    throw new AssertionError(id + " did not end");
  }

  private void awaitAudit(RemediationWorkflow wf, String detail) {
    for (int i = 0; i < 200; i++) {
      if (wf.audit().stream().anyMatch(e -> detail.equals(e.detail()))) {
        return;
      }
      env.sleep(Duration.ofMillis(50));
    }
    throw new AssertionError("no audit entry '" + detail + "' in " + wf.audit());
  }
}
