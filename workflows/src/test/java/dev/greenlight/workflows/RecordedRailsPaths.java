package dev.greenlight.workflows;

import dev.greenlight.api.Decision;
import dev.greenlight.api.Decision.Verdict;
import dev.greenlight.api.RailsPolicy;
import dev.greenlight.api.Risk;
import java.util.List;

/** The recorded paths that the rails drive, for {@link RecordHistories}. */
final class RecordedRailsPaths {
  private RecordedRailsPaths() {}

  /**
   * Version 2 of Rails.CHANGE_ID: with the breaker on, the rails are read by a local activity in
   * the task that classified the incident; a high-risk incident waits at its gate and two approvals
   * release it.
   */
  static void localCheck(RecordHistories r, String id) {
    r.rails = new RailsPolicy(3, 3600, List.of(), RailsPolicy.HighRiskInFreeze.EXTRA_APPROVER);
    r.classifier.answer = Fakes.classification(Risk.HIGH, 0.95);
    RemediationWorkflow wf = r.start(id);
    String nonce = r.awaitOpenGate(wf);
    wf.decide(new Decision(Verdict.APPROVE, WorkflowFixture.ALICE, nonce, null, 0, "a1"));
    wf.decide(new Decision(Verdict.APPROVE, WorkflowFixture.BOB, nonce, null, 0, "b1"));
  }
}
