package dev.greenlight.config;

import dev.greenlight.api.GateRule;
import dev.greenlight.api.PolicySnapshot;
import dev.greenlight.api.Principal;
import dev.greenlight.api.Risk;
import dev.greenlight.api.RunbookChoice;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything Greenlight is told by its configuration file, validated.
 *
 * @param services the services incidents may name; the only values {@code {service}} takes
 * @param policy the gate policy
 * @param approvers Slack user IDs allowed to approve or reject
 * @param onCall who verification failures escalate to (a Slack user ID)
 * @param channel where incident cards go; empty means the channel the command was typed in
 * @param runbooks the catalog
 * @param classifier which classifier runs
 * @param approvals the gate rule of each risk tier
 */
public record GreenlightConfig(
    List<String> services,
    Policy policy,
    List<Principal> approvers,
    String onCall,
    String channel,
    List<Runbook> runbooks,
    ClassifierSettings classifier,
    Map<Risk, TierRule> approvals) {
  public GreenlightConfig {
    services = List.copyOf(services);
    approvers = List.copyOf(approvers);
    runbooks = List.copyOf(runbooks);
    approvals = Map.copyOf(approvals);
  }

  public Optional<Runbook> runbook(String id) {
    return runbooks.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  public boolean knowsService(String service) {
    return services.contains(service);
  }

  /** The approvers (users and user groups) of a runbook: its own list, or the global one. */
  public List<Principal> approversFor(String runbookId) {
    return runbook(runbookId).map(Runbook::approvers).filter(a -> !a.isEmpty()).orElse(approvers);
  }

  /** The policy in force now, as a workflow carries it for the whole incident. */
  public PolicySnapshot policySnapshot() {
    Map<Risk, GateRule> tiers = new EnumMap<>(Risk.class);
    approvals.forEach((risk, rule) -> tiers.put(risk, rule.toGateRule()));
    Map<String, List<Principal>> overrides = new HashMap<>();
    for (Runbook r : runbooks) {
      if (!r.approvers().isEmpty()) {
        overrides.put(r.id(), r.approvers());
      }
    }
    return new PolicySnapshot(
        policy.confidenceFloor(),
        approvers,
        onCall,
        tiers,
        overrides,
        runbooks.stream().map(r -> new RunbookChoice(r.id(), r.label(), r.risk())).toList());
  }
}
