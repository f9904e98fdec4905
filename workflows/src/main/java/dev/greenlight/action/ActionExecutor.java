package dev.greenlight.action;

import dev.greenlight.api.ActionResult;
import dev.greenlight.api.UndoPlan;
import dev.greenlight.config.ActionSpec;
import java.util.Optional;

/**
 * Runs one kind of runbook action: the kind whose catalog {@code action.type} equals {@link
 * #type()}. An implementation is registered once at worker start in {@link ActionKinds}; the
 * activities pick it by the runbook's type, and the workflow never knows which kinds exist.
 *
 * <p>Idempotency key: {@link ActionContext#idempotencyKey()} is {@code <workflowId>:<runbookId>},
 * the same on every retry of the activity. Temporal may run {@link #run} more than once for one
 * approval (a lost reply, a worker crash), so an executor must hand the key to its target in a way
 * the target deduplicates on (the {@code http} kind sends an {@code Idempotency-Key} header), or
 * must make the action itself idempotent under that key.
 *
 * <p>Everything an executor sends comes from {@code spec} (the catalog) and {@link
 * ActionContext#vars()} (the validated {@code service} and {@code incident}); model text never
 * reaches it.
 *
 * @param <S> the catalog record of this kind
 */
public interface ActionExecutor<S extends ActionSpec> {
  /** The catalog's {@code action.type} this executor runs, e.g. {@code http}. */
  String type();

  /** The catalog record of this kind; a runbook whose action is not one fails at worker start. */
  Class<S> specType();

  /**
   * Runs the action once.
   *
   * @return what was done, with a plain one-line summary written by the executor (e.g. {@code HTTP
   *     202}) and the context's idempotency key
   * @throws ActionFailure when the action did not succeed: {@link ActionFailure#permanent} when a
   *     retry cannot help (the target refused), {@link ActionFailure#retryable} or {@link
   *     ActionFailure#unreachable} when it can
   */
  ActionResult run(S spec, ActionContext context) throws ActionFailure;

  /**
   * Says in words what {@link #run} would change, asking the target to check the change without
   * making it (for {@code kubernetes}, a server-side dry run with {@code dryRun=All}), e.g. {@code
   * replicas 3 -> 6}. Runs before approval, under the same idempotency key as {@link #run}; never
   * changes anything.
   *
   * @return the preview line, written by the executor; empty when this kind has no preview (the
   *     default)
   * @throws ActionFailure when the target refuses even the dry run (RBAC, not found), classified as
   *     for {@link #run}, so the approver sees that the action would fail
   */
  default Optional<String> preview(S spec, ActionContext context) throws ActionFailure {
    return Optional.empty();
  }

  /**
   * Undoes what {@link #run} changed, as {@code plan} says (captured by {@link #run} before its
   * change, and kept in the workflow's state), under the Undo's own idempotency key in {@code
   * context}: a retry undoes nothing twice.
   *
   * @throws ActionFailure permanent for a kind or operation without an inverse (the default)
   */
  default ActionResult undo(S spec, ActionContext context, UndoPlan plan) throws ActionFailure {
    throw ActionFailure.permanent(
        "action " + context.runbookId() + ": " + type() + " actions have no Undo");
  }
}
