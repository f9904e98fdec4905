package dev.greenlight.activities;

import dev.greenlight.api.ActionPreview;
import dev.greenlight.api.ActionResult;
import dev.greenlight.api.VerificationResult;
import io.temporal.activity.ActivityInterface;

/**
 * Runs a runbook's action and checks that it worked, with the action and verify kinds the catalog
 * names ({@code http} today; see {@code docs/actions.md}). The workflow sees only these two methods
 * and the failure types below, never the kinds.
 */
@ActivityInterface
public interface RemediationActivities {
  /** Non-retryable: the runbook no longer renders to the approved proposal; nothing was sent. */
  /** Non-retryable: the call carried no approved proposal hash, so nothing was sent. */
  String MISSING_PROPOSAL = "MissingProposal";

  String PROPOSAL_CHANGED = "ProposalChanged";

  /** Non-retryable: the runbook ID is not in the catalog. */
  String UNKNOWN_RUNBOOK = "UnknownRunbook";

  /** Non-retryable: the service is not in the catalog's services. */
  String UNKNOWN_SERVICE = "UnknownService";

  /** Non-retryable: the target refused the action (e.g. HTTP 4xx). */
  String ACTION_REFUSED = "ActionRefused";

  /** Retryable: the target failed (e.g. HTTP 5xx). */
  String ACTION_SERVER_ERROR = "ActionServerError";

  /** Retryable: the target could not be reached or did not answer in time. */
  String ACTION_IO_ERROR = "ActionIOError";

  /**
   * Runs the runbook's action for this incident with the executor of its {@code action.type}. Every
   * parameter comes from the catalog, templated only with the validated service and incident ID.
   *
   * <p>Idempotency key: the action runs under {@code <workflowId>:<runbookId>} (for {@code http},
   * the {@code Idempotency-Key} header), the same on every retry of this activity, so a target that
   * honours it applies the action once however often Temporal retries it. A refusal ({@value
   * #ACTION_REFUSED}, e.g. 4xx) is permanent and not retried; target errors ({@value
   * #ACTION_SERVER_ERROR}, e.g. 5xx) and I/O errors ({@value #ACTION_IO_ERROR}) are.
   *
   * <p>{@code proposalHash} is the {@link dev.greenlight.api.Proposal#hash} that was approved; when
   * the catalog's runbook no longer renders to the same proposal, nothing is sent and the activity
   * fails with the non-retryable type {@value #PROPOSAL_CHANGED}. Without a hash nothing is sent
   * either ({@value #MISSING_PROPOSAL}): every action runs bound to what was approved.
   */
  ActionResult remediate(
      String workflowId, String incidentId, String runbookId, String service, String proposalHash);

  /**
   * Asks the runbook's target what its action would change for this incident, without changing
   * anything (for {@code kubernetes}, a server-side dry run with {@code dryRun=All}; kinds without
   * a preview answer {@code null}). Read-only, safe to retry; runs under the same idempotency key
   * as {@link #remediate}. A target that refuses even the dry run (RBAC, not found) is not a
   * failure: the answer says so, for the approver to see. Fails retryably only when the target
   * cannot be asked.
   */
  ActionPreview preview(String workflowId, String incidentId, String runbookId, String service);

  /**
   * Undoes what {@link #remediate} changed, as {@code plan} says (the state before the change, as
   * the action captured it and the workflow kept it; never anything from a click). Runs under its
   * own idempotency key {@code <workflowId>:<runbookId>:undo}, so a retry undoes nothing twice.
   * Only after the workflow's Undo gate approved it. Failures are typed as for {@link #remediate};
   * an operation without an inverse is refused ({@value #ACTION_REFUSED}).
   */
  default ActionResult undo(
      String workflowId,
      String incidentId,
      String runbookId,
      String service,
      dev.greenlight.api.UndoPlan plan) {
    throw io.temporal.failure.ApplicationFailure.newNonRetryableFailure(
        "this worker cannot undo runbook " + runbookId, ACTION_REFUSED);
  }

  /**
   * Checks the runbook's recovery with the verifier of its {@code verify.type} (for {@code http},
   * polls the probe until it answers the expected status or the probe's timeout passes). Read-only,
   * safe to retry; heartbeats after every check. Never re-runs the action.
   */
  VerificationResult verify(String incidentId, String runbookId, String service);
}
