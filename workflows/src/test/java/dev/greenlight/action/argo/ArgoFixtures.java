package dev.greenlight.action.argo;

import dev.greenlight.action.ActionContext;
import dev.greenlight.config.ArgoAction;
import dev.greenlight.config.ArgoVerify;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Catalog records and contexts shared by the {@code argo} tests. */
final class ArgoFixtures {
  static final String NS = "remediation";
  static final String TEMPLATE = "fix-oom";
  static final String RUNBOOK = "fix-oom-pods";

  private ArgoFixtures() {}

  /** {@code fix-oom} in {@code remediation} with a service and an incident parameter. */
  static ArgoAction action(Duration timeout) {
    return new ArgoAction(
        null,
        NS,
        TEMPLATE,
        false,
        Map.of("service", "{service}", "ticket", "incident {incident}", "memory", "2Gi"),
        timeout);
  }

  static ArgoAction action() {
    return action(Duration.ofSeconds(5));
  }

  /** Follows the action's workflow. */
  static ArgoVerify followAction() {
    return new ArgoVerify(null, NS, null, false, null, Duration.ofSeconds(5));
  }

  /** A context outside any activity for incident {@code GL-1A2B3C4D}, recording heartbeats. */
  static ActionContext context(List<String> beats) {
    return context("GL-1A2B3C4D", beats);
  }

  static ActionContext context(String incident, List<String> beats) {
    String workflowId = "incident-" + incident;
    return new ActionContext(
        incident,
        workflowId,
        RUNBOOK,
        Map.of("service", "checkout-api", "incident", incident),
        ActionContext.idempotencyKey(workflowId, RUNBOOK),
        beats::add);
  }
}
