package dev.greenlight.action.kubernetes;

/** The annotations Greenlight writes on the objects it changes. */
final class Annotations {
  /**
   * The idempotency key ({@code <workflowId>:<runbookId>}) of the last Greenlight change to a
   * workload, written in the same request as the change itself; a retry that finds its own key
   * changes nothing.
   */
  static final String KEY = "greenlight.dev/idempotency-key";

  /** The replica count before a Greenlight {@code scale}, for an Undo. */
  static final String PREVIOUS_REPLICAS = "greenlight.dev/previous-replicas";

  /** The revision before a Greenlight {@code rollback}, for an Undo. */
  static final String PREVIOUS_REVISION = "greenlight.dev/previous-revision";

  /** The ledger of {@code delete-pods}: the key and the pods chosen under it. */
  static final String DELETED_PODS = "greenlight.dev/deleted-pods";

  /** The pod-template annotation {@code kubectl rollout restart} sets. */
  static final String RESTARTED_AT = "kubectl.kubernetes.io/restartedAt";

  /** The revision the Deployment controller writes on a Deployment and its ReplicaSets. */
  static final String REVISION = "deployment.kubernetes.io/revision";

  private Annotations() {}
}
