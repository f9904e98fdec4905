package dev.greenlight.activities;

import dev.greenlight.api.ActionResult;
import dev.greenlight.api.VerificationResult;
import io.temporal.activity.ActivityInterface;

/** Runs a runbook's action and checks that it worked. */
@ActivityInterface
public interface RemediationActivities {
  /**
   * Sends the runbook's HTTP action for this incident. URL, method and body come from the catalog,
   * templated only with the validated service and incident ID.
   *
   * <p>Idempotency key: the request carries {@code Idempotency-Key: <workflowId>:<runbookId>}, the
   * same on every retry of this activity, so a target that honours the header applies the action
   * once however often Temporal retries it. A 4xx answer is a permanent failure and is not retried;
   * 5xx and I/O errors are.
   *
   * <p>{@code proposalHash} is the {@link Proposal#hash} that was approved; when the catalog's
   * runbook no longer renders to the same proposal, nothing is sent and the activity fails with the
   * non-retryable type {@code ProposalChanged}. Null skips the check (incidents started before
   * approvals were bound to proposals).
   */
  ActionResult remediate(
      String workflowId, String incidentId, String runbookId, String service, String proposalHash);

  /**
   * Polls the runbook's probe until it answers the expected status or the probe's timeout passes.
   * Read-only, safe to retry; heartbeats while it polls. Never re-runs the action.
   */
  VerificationResult verify(String incidentId, String runbookId, String service);
}
