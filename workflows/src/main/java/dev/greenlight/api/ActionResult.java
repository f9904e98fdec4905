package dev.greenlight.api;

/**
 * What a runbook's action did, whatever its kind.
 *
 * @param type the action's kind ({@code http}, {@code kubernetes}, {@code argo})
 * @param summary one plain line for the thread and the audit, written by Greenlight (e.g. {@code
 *     HTTP 202}); never model text
 * @param idempotencyKey the key the action ran under: the same on every retry
 * @param undo how to undo the change, captured before it was made; null when the operation has no
 *     inverse (or in results recorded before Undo existed)
 */
public record ActionResult(String type, String summary, String idempotencyKey, UndoPlan undo) {
  /** A result that offers no Undo. */
  public ActionResult(String type, String summary, String idempotencyKey) {
    this(type, summary, idempotencyKey, null);
  }
}
