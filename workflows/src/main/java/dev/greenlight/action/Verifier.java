package dev.greenlight.action;

import dev.greenlight.api.VerificationResult;
import dev.greenlight.config.VerifySpec;

/**
 * Checks that a runbook's action worked, for the kind whose catalog {@code verify.type} equals
 * {@link #type()}. Registered once at worker start in {@link ActionKinds}.
 *
 * <p>A verifier is read-only and never re-runs the action, so Temporal may retry it freely. It
 * calls {@link ActionContext#heartbeat()} after every check, so a stuck verifier is noticed within
 * the activity's heartbeat timeout. {@link ActionContext#idempotencyKey()} is the key the action
 * ran under ({@code <workflowId>:<runbookId>}); a kind may use it to find what the action started.
 *
 * @param <S> the catalog record of this kind
 */
public interface Verifier<S extends VerifySpec> {
  /** The catalog's {@code verify.type} this verifier checks, e.g. {@code http}. */
  String type();

  /** The catalog record of this kind; a runbook whose check is not one fails at worker start. */
  Class<S> specType();

  /**
   * Checks until the target recovered or the spec's deadline passed.
   *
   * @return recovered or not, with a plain one-line detail written by the verifier; "not recovered"
   *     is an answer, not a failure
   * @throws ActionFailure when the check itself cannot be made (e.g. the verifier is not allowed to
   *     read the target)
   */
  VerificationResult verify(S spec, ActionContext context)
      throws ActionFailure, InterruptedException;
}
