/**
 * The {@code kubernetes} action kind and the {@code kubernetes-rollout} verify kind, over fabric8's
 * client (the JDK HTTP transport). Every name, namespace and parameter comes from the catalog and
 * the validated {@code service}; each change carries the idempotency key {@code
 * <workflowId>:<runbookId>} in the {@value dev.greenlight.action.kubernetes.Annotations#KEY}
 * annotation (or the Job's name), so a retried activity changes nothing twice. See {@code
 * docs/actions.md}.
 */
package dev.greenlight.action.kubernetes;
