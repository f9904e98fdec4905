package dev.greenlight.workflows;

import static dev.greenlight.api.ThreadUpdate.Step.PROPOSAL_CHANGED;

import dev.greenlight.activities.RemediationActivities;
import dev.greenlight.api.ActionPreview;
import dev.greenlight.api.ActionResult;
import dev.greenlight.api.AuditEntry.Kind;
import dev.greenlight.api.Classification;
import dev.greenlight.api.IncidentRequest;
import dev.greenlight.api.Proposal;
import dev.greenlight.api.VerificationResult;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.util.Locale;

/**
 * Where an incident's proposal comes from (the classifier, or a person's pick from the catalog) and
 * what carrying it out means (the runbook's action, bound to the approved proposal, and its check).
 */
final class Proposals {
  /** How many proposals one incident may go through when its runbook keeps changing. */
  static final int MAX_PROPOSALS = 3;

  /** The {@link Workflow#getVersion} change that previews the action before the card. */
  static final String PREVIEW_CHANGE = "action-preview";

  private final Incident incident;
  private final Reads reads;
  private int made = 1;

  Proposals(Incident incident) {
    this.incident = incident;
    this.reads = new Reads(incident.activities());
  }

  /** Asks the classifier; read-only and safe to retry. */
  Classification classify() {
    IncidentRequest r = incident.request();
    Classification c = reads.classify(r.service(), r.incidentId(), r.text());
    incident.audit(
        Kind.CLASSIFIED,
        null,
        c.label()
            + " ("
            + Math.round(c.confidence() * 100)
            + "%, "
            + (c.risk() == null ? "no risk tier" : c.risk().label() + " risk")
            + ", model "
            + c.model()
            + ")");
    return c;
  }

  /** The catalog's proposal for a runbook a person picked. */
  Classification describe(String runbookId) {
    IncidentRequest r = incident.request();
    Classification c = reads.describe(runbookId, r.service(), r.incidentId());
    incident.audit(Kind.CLASSIFIED, incident.gate().pickedBy(), c.label() + " picked by a person");
    return c;
  }

  /** Whether another proposal may follow one whose runbook changed after its approval. */
  boolean mayProposeAgain() {
    return made++ < MAX_PROPOSALS;
  }

  /** The runbook changed after its approval and nothing ran: say so, and classify again. */
  Classification proposeAgain(Classification stale) {
    incident.audit(Kind.PROPOSAL_CHANGED, null, stale.action());
    incident.say(PROPOSAL_CHANGED, null, stale.action());
    return classify();
  }

  /**
   * Runs the proposal's action, bound to the proposal's hash so that a changed runbook sends
   * nothing. The idempotency key is {@code <workflowId>:<runbookId>}.
   */
  ActionResult run(Classification c) {
    IncidentRequest r = incident.request();
    return incident
        .activities()
        .remediate
        .remediate(
            incident.workflowId(),
            r.incidentId(),
            c.runbookId(),
            r.service(),
            Proposal.hash(c.runbookId(), c.label(), c.action()));
  }

  /**
   * The proposal with what its action would change (a dry run at the target), for the card before
   * it asks a person. Version 1 of {@value #PREVIEW_CHANGE}; older incidents show no preview. A
   * preview that cannot be had is shown as such and never stops the gate from opening.
   */
  Classification previewed(Classification c) {
    if (Workflow.getVersion(PREVIEW_CHANGE, Workflow.DEFAULT_VERSION, 1)
        == Workflow.DEFAULT_VERSION) {
      return c;
    }
    IncidentRequest r = incident.request();
    ActionPreview p;
    try {
      p = reads.preview(incident.workflowId(), r.incidentId(), c.runbookId(), r.service());
    } catch (ActivityFailure e) {
      p = ActionPreview.unavailable(Incident.rootMessage(e));
    }
    if (p == null) {
      return c;
    }
    incident.audit(Kind.PREVIEW, null, p.kind().name().toLowerCase(Locale.ROOT) + ": " + p.text());
    return c.withPreview(p);
  }

  /** Runs the runbook's check; a check that cannot run counts as not recovered. */
  VerificationResult verify(Classification c) {
    IncidentRequest r = incident.request();
    try {
      return incident.activities().verify.verify(r.incidentId(), c.runbookId(), r.service());
    } catch (ActivityFailure e) {
      return new VerificationResult(false, 0, 0, Incident.rootMessage(e));
    }
  }

  /** Whether the action failed because its runbook changed since the approval. */
  static boolean changedSinceApproval(ActivityFailure e) {
    return e.getCause() instanceof ApplicationFailure af
        && RemediationActivities.PROPOSAL_CHANGED.equals(af.getType());
  }
}
