package dev.greenlight.argogate;

import dev.greenlight.action.ActionFailure;
import dev.greenlight.action.argo.ArgoGates;
import dev.greenlight.action.argo.ArgoServers;
import dev.greenlight.action.argo.GateResult;
import dev.greenlight.action.argo.GateWatch;
import dev.greenlight.action.argo.GateWatch.RunEnding;
import dev.greenlight.action.argo.SuspendedNode;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ArgoGateActivities} over the Argo Server REST API ({@link ArgoGates}, {@link GateWatch}).
 */
public final class ArgoGateActivitiesImpl implements ArgoGateActivities {
  /** The failure type of a call the Argo Server refused (not retried). */
  public static final String REFUSED = "ArgoGateRefused";

  /** The failure type of a call that may succeed when tried again. */
  public static final String RETRYABLE = "ArgoGateUnavailable";

  private static final Logger log = LoggerFactory.getLogger(ArgoGateActivitiesImpl.class);

  private final ArgoGates gates;
  private final GateWatch watch;

  public ArgoGateActivitiesImpl(ArgoServers servers) {
    this.gates = new ArgoGates(servers);
    this.watch = new GateWatch(servers);
  }

  @Override
  public GateResult settledOutside(SuspendedNode node) {
    try {
      return watch.settledOutside(node).orElse(null);
    } catch (ActionFailure e) {
      throw failure(e);
    }
  }

  @Override
  public GateResult approve(SuspendedNode node, Map<String, String> outputs, String message) {
    try {
      GateResult r = gates.approve(node, outputs, message);
      log.info(
          "Argo gate {} of {}: approve -> {}", node.displayName(), node.workflow(), r.outcome());
      return r;
    } catch (ActionFailure e) {
      throw failure(e);
    }
  }

  @Override
  public GateResult reject(SuspendedNode node, String message) {
    try {
      GateResult r = gates.reject(node, message);
      log.info("Argo gate {} of {}: stop -> {}", node.displayName(), node.workflow(), r.outcome());
      return r;
    } catch (ActionFailure e) {
      throw failure(e);
    }
  }

  @Override
  public RunEnding follow(SuspendedNode node) {
    try {
      return watch.follow(node, Activity.getExecutionContext()::heartbeat);
    } catch (ActionFailure e) {
      throw failure(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApplicationFailure.newFailure("following the Argo workflow was interrupted", RETRYABLE);
    }
  }

  private static ApplicationFailure failure(ActionFailure e) {
    return e.retryable()
        ? ApplicationFailure.newFailure(e.getMessage(), RETRYABLE)
        : ApplicationFailure.newNonRetryableFailure(e.getMessage(), REFUSED);
  }
}
