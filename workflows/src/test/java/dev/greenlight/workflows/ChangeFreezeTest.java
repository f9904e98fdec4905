package dev.greenlight.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.api.AuditEntry;
import dev.greenlight.api.FreezeWindow;
import dev.greenlight.api.GateState;
import dev.greenlight.api.Hold;
import dev.greenlight.api.IncidentCard;
import dev.greenlight.api.IncidentResult;
import dev.greenlight.api.Outcome;
import dev.greenlight.api.RailsPolicy;
import dev.greenlight.api.RailsPolicy.HighRiskInFreeze;
import dev.greenlight.api.Risk;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Change freezes in Temporal's time-skipping server: inside a window nothing runs by policy and
 * high risk needs one approver more (or is refused); outside it the policy decides as before. The
 * window is judged at the workflow's own time.
 */
class ChangeFreezeTest extends WorkflowFixture {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  /**
   * A dated window in Berlin time, {@code fromHours} to {@code untilHours} from the server's now.
   */
  private void freeze(long fromHours, long untilHours, HighRiskInFreeze highRisk) {
    startPacemaker(Duration.ofMinutes(5));
    LocalDateTime now =
        LocalDateTime.ofInstant(Instant.ofEpochMilli(env.currentTimeMillis()), BERLIN)
            .truncatedTo(ChronoUnit.MINUTES);
    rails =
        new RailsPolicy(
            0,
            0,
            List.of(
                new FreezeWindow(
                    "release",
                    "Europe/Berlin",
                    now.plusHours(fromHours).toString(),
                    now.plusHours(untilHours).toString())),
            highRisk);
  }

  @Test
  void insideTheWindowNothingRunsByPolicyAndTheCardSaysUntilWhen() {
    freeze(-1, 2, HighRiskInFreeze.EXTRA_APPROVER);
    classifier.answer = Fakes.classification(Risk.LOW, 0.95);
    RemediationWorkflow wf = start("Z1");
    awaitOpenGate(wf);

    assertThat(remediator.actions.get()).isZero();
    IncidentCard card = notifier.posted.get(0);
    assertThat(card.holds()).extracting(Hold::kind).containsExactly(Hold.Kind.FREEZE);
    assertThat(card.holds().get(0).detail())
        .startsWith("change freeze 'release' until ")
        .endsWith(" Europe/Berlin");
    assertThat(wf.audit())
        .filteredOn(e -> e.kind() == AuditEntry.Kind.RAILS)
        .extracting(AuditEntry::detail)
        .anyMatch(d -> d.startsWith("auto-approval withheld: change freeze 'release' until"));
  }

  @Test
  void beforeAndAfterTheWindowThePolicyDecides() {
    // Wide margins: skipped time may run on a little while an incident ends (its timers), so the
    // window starts in 1 hour but is 5 hours long, and each step sleeps into the middle of it.
    freeze(1, 6, HighRiskInFreeze.EXTRA_APPROVER);
    classifier.answer = Fakes.classification(Risk.LOW, 0.95);
    start("BEFORE");
    assertThat(result("BEFORE").gate().state()).isEqualTo(GateState.AUTO_APPROVED);

    env.sleep(Duration.ofHours(3));
    RemediationWorkflow during = start("DURING");
    awaitOpenGate(during);

    env.sleep(Duration.ofHours(4));
    start("AFTER");
    IncidentResult after = result("AFTER");
    assertThat(after.gate().state()).isEqualTo(GateState.AUTO_APPROVED);
    assertThat(after.outcome()).isEqualTo(Outcome.RECOVERED);
  }

  @Test
  void highRiskNeedsOneApproverMoreDuringAFreeze() {
    freeze(-1, 2, HighRiskInFreeze.EXTRA_APPROVER);
    classifier.answer = Fakes.classification(Risk.HIGH, 0.9);
    RemediationWorkflow wf = start("H1");
    awaitOpenGate(wf);

    assertThat(wf.gate().required()).isEqualTo(3);
    assertThat(wf.audit())
        .extracting(AuditEntry::detail)
        .anyMatch(d -> d.startsWith("one approver more: high risk during the change freeze"));
  }

  @Test
  void highRiskIsRefusedDuringAFreezeWhenTheConfigSaysSo() {
    freeze(-1, 2, HighRiskInFreeze.REFUSE);
    classifier.answer = Fakes.classification(Risk.HIGH, 0.9);
    start("H2");
    IncidentResult r = result("H2");

    assertThat(r.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(r.detail()).startsWith("refused: no high-risk action runs during the change freeze");
    assertThat(remediator.actions.get()).isZero();
    assertThat(notifier.posted).hasSize(1);
  }

  @Test
  void highRiskOutsideAFreezeNeedsTheTiersApprovers() {
    freeze(1, 2, HighRiskInFreeze.REFUSE);
    classifier.answer = Fakes.classification(Risk.HIGH, 0.9);
    RemediationWorkflow wf = start("H3");
    awaitOpenGate(wf);
    assertThat(wf.gate().required()).isEqualTo(2);
  }

  /** A dated window beginning {@code fromMinutes} from now (at most that: now is truncated). */
  private void freezeSoon(long fromMinutes, HighRiskInFreeze highRisk) {
    freeze(0, 6, highRisk);
    FreezeWindow w = rails.freezes().get(0);
    LocalDateTime from = LocalDateTime.parse(w.start()).plusMinutes(fromMinutes);
    rails =
        new RailsPolicy(
            0,
            0,
            List.of(new FreezeWindow(w.name(), w.zone(), from.toString(), w.end())),
            highRisk);
  }

  @Test
  void aFreezeBeginningWhileTheGateWaitsIsShownOnTheCard() {
    freezeSoon(20, HighRiskInFreeze.EXTRA_APPROVER);
    classifier.answer = Fakes.classification(Risk.MEDIUM, 0.95);
    RemediationWorkflow wf = start("W1");
    awaitOpenGate(wf);
    assertThat(notifier.posted.get(0).holds()).isEmpty();

    env.sleep(Duration.ofMinutes(25));
    assertThat(wf.audit())
        .extracting(AuditEntry::detail)
        .anyMatch(
            d -> d.startsWith("a change freeze began while waiting: change freeze 'release'"));
    assertThat(notifier.updates.get(notifier.updates.size() - 1).holds())
        .extracting(Hold::kind)
        .containsExactly(Hold.Kind.FREEZE);
    assertThat(notifier.steps).contains(dev.greenlight.api.ThreadUpdate.Step.HELD);
    assertThat(wf.gate().state()).isEqualTo(GateState.OPEN);
    assertThat(wf.gate().required()).isEqualTo(1);
  }

  @Test
  void highRiskWaitingWhenAFreezeBeginsNeedsOneApproverMore() {
    freezeSoon(20, HighRiskInFreeze.EXTRA_APPROVER);
    classifier.answer = Fakes.classification(Risk.HIGH, 0.9);
    RemediationWorkflow wf = start("W2");
    awaitOpenGate(wf);
    assertThat(wf.gate().required()).isEqualTo(2);

    env.sleep(Duration.ofMinutes(25));
    assertThat(wf.gate().required()).isEqualTo(3);
    assertThat(wf.audit())
        .extracting(AuditEntry::detail)
        .anyMatch(d -> d.startsWith("one approver more: high risk during the change freeze"));
  }

  @Test
  void highRiskWaitingWhenAFreezeBeginsIsRefusedWhenTheConfigSaysSo() {
    freezeSoon(20, HighRiskInFreeze.REFUSE);
    classifier.answer = Fakes.classification(Risk.HIGH, 0.9);
    RemediationWorkflow wf = start("W3");
    awaitOpenGate(wf);

    IncidentResult r = result("W3");
    assertThat(r.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(r.detail()).startsWith("refused: no high-risk action runs during the change freeze");
    assertThat(r.gate().state()).isEqualTo(GateState.REJECTED);
    assertThat(r.gate().rejectedBy()).isNull();
    assertThat(remediator.actions.get()).isZero();
  }

  @Test
  void aFreezeAfterTheApprovalChangesNothing() {
    freezeSoon(20, HighRiskInFreeze.REFUSE);
    classifier.answer = Fakes.classification(Risk.MEDIUM, 0.9);
    RemediationWorkflow wf = start("W4");
    String nonce = awaitOpenGate(wf);
    wf.decide(
        new dev.greenlight.api.Decision(dev.greenlight.api.Decision.Verdict.APPROVE, ALICE, nonce));
    IncidentResult r = result("W4");
    env.sleep(Duration.ofMinutes(25));

    assertThat(r.outcome()).isEqualTo(Outcome.RECOVERED);
    assertThat(wf.audit()).extracting(AuditEntry::detail).noneMatch(d -> d.contains("began while"));
  }
}
