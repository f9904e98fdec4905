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
}
