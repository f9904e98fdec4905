package dev.greenlight.workflows;

import dev.greenlight.config.GreenlightConfig;
import dev.greenlight.config.Risk;
import dev.greenlight.config.Runbook;
import dev.greenlight.config.TierRule;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The policy in force when the incident started. It travels in the workflow input so that a config
 * change never alters a running incident's rules, and replays stay deterministic.
 *
 * @param approvers the global approvers (Slack users and user groups)
 * @param tiers each risk tier's gate rule; null for incidents started before quorum gates
 * @param runbookApprovers per-runbook approver overrides; null or missing means the global list
 * @param runbooks the catalog a person may pick from when nothing matched; null for old incidents
 */
public record PolicySnapshot(
    double confidenceFloor,
    long approvalTimeoutSeconds,
    List<String> approvers,
    String onCall,
    Map<Risk, GateRule> tiers,
    Map<String, List<String>> runbookApprovers,
    List<RunbookChoice> runbooks) {
  public PolicySnapshot {
    approvers = List.copyOf(approvers);
  }

  public PolicySnapshot(
      double confidenceFloor,
      long approvalTimeoutSeconds,
      List<String> approvers,
      String onCall,
      Map<Risk, GateRule> tiers,
      Map<String, List<String>> runbookApprovers) {
    this(confidenceFloor, approvalTimeoutSeconds, approvers, onCall, tiers, runbookApprovers, null);
  }

  /** A snapshot of the configuration's policy. */
  public static PolicySnapshot from(GreenlightConfig config) {
    Map<Risk, GateRule> tiers = new EnumMap<>(Risk.class);
    config.approvals().forEach((risk, rule) -> tiers.put(risk, rule(rule)));
    Map<String, List<String>> overrides = new HashMap<>();
    for (Runbook r : config.runbooks()) {
      if (!r.approvers().isEmpty()) {
        overrides.put(r.id(), r.approvers());
      }
    }
    return new PolicySnapshot(
        config.policy().confidenceFloor(),
        config.policy().approvalTimeout().toSeconds(),
        config.approvers(),
        config.onCall(),
        tiers,
        overrides,
        config.runbooks().stream()
            .map(r -> new RunbookChoice(r.id(), r.label(), r.risk()))
            .toList());
  }

  /** The catalog to pick from; empty for incidents started before picking existed. */
  List<RunbookChoice> choices() {
    return runbooks == null ? List.of() : runbooks;
  }

  private static GateRule rule(TierRule t) {
    return new GateRule(
        t.required(),
        t.selfApproval(),
        t.timeout().toSeconds(),
        t.escalation().stream()
            .map(
                s ->
                    new GateRule.Escalation(
                        s.after().toSeconds(), s.notifyApprovers(), s.notifyOnCall(), s.others()))
            .toList());
  }

  /** The gate rule for a tier; the legacy one-approver rule for old incidents. */
  GateRule rule(Risk risk) {
    return tiers == null || risk == null || !tiers.containsKey(risk)
        ? GateRule.legacy(approvalTimeoutSeconds)
        : tiers.get(risk);
  }

  /** Who may decide on a runbook: its override, or the global approvers. */
  List<String> approversFor(String runbookId) {
    if (runbookApprovers != null && runbookId != null && runbookApprovers.containsKey(runbookId)) {
      return runbookApprovers.get(runbookId);
    }
    return approvers;
  }
}
