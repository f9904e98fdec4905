package dev.greenlight.workflows;

import dev.greenlight.api.Classification;
import dev.greenlight.api.PolicySnapshot;
import dev.greenlight.api.Risk;

/** The gate rule: only a low-risk, confident match may run without a person. */
public final class GatePolicy {
  private GatePolicy() {}

  /** What the gate does with a classification. */
  public enum Route {
    AUTO_APPROVE,
    HUMAN_GATE,
    NO_RUNBOOK
  }

  public static Route route(Classification c, PolicySnapshot policy) {
    if (!c.matched()) {
      return Route.NO_RUNBOOK;
    }
    // A degraded classification (LLM failed, classifiers disagree, text looks like instructions)
    // always goes to a person, whatever its confidence.
    if (c.risk() == Risk.LOW && !c.degraded() && c.confidence() >= policy.confidenceFloor()) {
      return Route.AUTO_APPROVE;
    }
    return Route.HUMAN_GATE;
  }
}
