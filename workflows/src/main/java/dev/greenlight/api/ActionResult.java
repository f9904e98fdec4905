package dev.greenlight.api;

/**
 * What a runbook's action did, whatever its kind.
 *
 * @param type the action's kind ({@code http}, and later {@code kubernetes}, {@code argo})
 * @param summary one plain line for the thread and the audit, written by Greenlight (e.g. {@code
 *     HTTP 202}); never model text
 * @param idempotencyKey the key the action ran under: the same on every retry
 */
public record ActionResult(String type, String summary, String idempotencyKey) {}
