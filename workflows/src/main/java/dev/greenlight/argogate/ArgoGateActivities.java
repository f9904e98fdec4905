package dev.greenlight.argogate;

import dev.greenlight.action.argo.GateResult;
import dev.greenlight.action.argo.GateWatch.RunEnding;
import dev.greenlight.action.argo.SuspendedNode;
import io.temporal.activity.ActivityInterface;
import java.util.Map;

/** What an Argo gate's workflow asks of the Argo Server; every call names one node only. */
@ActivityInterface
public interface ArgoGateActivities {
  /**
   * Whether someone settled the node in Argo (resumed, stopped, the workflow deleted); null while
   * it still waits. Read-only.
   */
  GateResult settledOutside(SuspendedNode node);

  /**
   * Sets the outputs the node declares as supplied and {@code message}, then resumes the node.
   * Idempotent: a repeat after a crash answers {@code ALREADY_APPLIED}.
   */
  GateResult approve(SuspendedNode node, Map<String, String> outputs, String message);

  /** Stops the node (never the workflow) with {@code message}. Idempotent. */
  GateResult reject(SuspendedNode node, String message);

  /** Follows the node's workflow to its end; heartbeats after every read. */
  RunEnding follow(SuspendedNode node);
}
