package dev.greenlight.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.api.ActionPreview;
import dev.greenlight.api.AuditEntry;
import dev.greenlight.api.Decision;
import dev.greenlight.api.Decision.Verdict;
import dev.greenlight.api.IncidentCard;
import dev.greenlight.api.Outcome;
import dev.greenlight.api.Risk;
import org.junit.jupiter.api.Test;

/**
 * Before the card asks a person, the action's target says what would change (a dry run), and the
 * card shows it; a refused or unavailable dry run is shown too and never decides the gate.
 */
class CardShowsTheActionPreviewTest extends WorkflowFixture {

  @Test
  void theFirstCardCarriesWhatTheActionWouldChange() {
    remediator.preview = ActionPreview.change("replicas 3 -> 6");
    RemediationWorkflow wf = start("P1");
    wf.decide(new Decision(Verdict.APPROVE, ALICE, awaitOpenGate(wf)));
    result("P1");

    IncidentCard first = notifier.posted.get(0);
    assertThat(first.classification().preview()).isEqualTo(remediator.preview);
    assertThat(remediator.previews).hasValue(1);
    assertThat(remediator.actions).hasValue(1);
    assertThat(wf.audit())
        .anySatisfy(
            e -> {
              assertThat(e.kind()).isEqualTo(AuditEntry.Kind.PREVIEW);
              assertThat(e.detail()).isEqualTo("change: replicas 3 -> 6");
            });
  }

  @Test
  void aRefusedDryRunIsShownAndTheApproverStillDecides() {
    remediator.preview = ActionPreview.refused("forbidden: cannot patch deployments/checkout-api");
    RemediationWorkflow wf = start("P2");
    wf.decide(new Decision(Verdict.REJECT, BOB, awaitOpenGate(wf), "RBAC first", 0, "r1"));

    assertThat(result("P2").outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(notifier.posted.get(0).classification().preview().kind())
        .isEqualTo(ActionPreview.Kind.REFUSED);
    assertThat(remediator.actions).hasValue(0);
  }

  @Test
  void aTargetThatCannotBeAskedStillOpensTheGate() {
    remediator.previewFails = true;
    RemediationWorkflow wf = start("P3");
    wf.decide(new Decision(Verdict.APPROVE, ALICE, awaitOpenGate(wf)));
    result("P3");

    ActionPreview shown = notifier.posted.get(0).classification().preview();
    assertThat(shown.kind()).isEqualTo(ActionPreview.Kind.UNAVAILABLE);
    assertThat(shown.text()).contains("connect timed out");
    assertThat(remediator.actions).hasValue(1);
  }

  @Test
  void aKindWithoutPreviewLeavesTheCardAsItWas() {
    RemediationWorkflow wf = start("P4");
    wf.decide(new Decision(Verdict.APPROVE, ALICE, awaitOpenGate(wf)));
    result("P4");

    assertThat(notifier.posted.get(0).classification().preview()).isNull();
    assertThat(wf.audit()).noneMatch(e -> e.kind() == AuditEntry.Kind.PREVIEW);
  }

  @Test
  void policyApprovedActionsAreNotPreviewed() {
    classifier.answer = Fakes.classification(Risk.LOW, 0.97);
    start("P5");
    result("P5");

    assertThat(remediator.previews).hasValue(0);
    assertThat(remediator.actions).hasValue(1);
  }
}
