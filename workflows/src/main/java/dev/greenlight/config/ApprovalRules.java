package dev.greenlight.config;

import dev.greenlight.api.Principal;
import dev.greenlight.api.Risk;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the {@code approvals} section: one {@link TierRule} per risk tier. */
final class ApprovalRules {
  private ApprovalRules() {}

  static Map<Risk, TierRule> read(
      ConfigNode node, Duration defaultTimeout, List<Principal> approvers) {
    Map<Risk, TierRule> rules = new EnumMap<>(Risk.class);
    if (node != null) {
      node.allowOnly(Set.of("low", "medium", "high"));
    }
    for (Risk risk : Risk.values()) {
      ConfigNode tier = node != null && node.has(risk.label()) ? node.child(risk.label()) : null;
      rules.put(risk, tier(tier, risk, defaultTimeout, approvers));
    }
    return rules;
  }

  private static TierRule tier(
      ConfigNode t, Risk risk, Duration defaultTimeout, List<Principal> approvers) {
    int defaultRequired = risk == Risk.HIGH ? 2 : 1;
    if (t == null) {
      return new TierRule(
          defaultRequired, risk != Risk.HIGH, defaultTimeout, defaultLadder(defaultTimeout));
    }
    t.allowOnly(Set.of("required", "self-approval", "timeout", "escalation"));
    int required = t.integer("required", defaultRequired, 1, 10);
    boolean groups = Principal.anyGroup(approvers);
    if (!groups && required > approvers.size()) {
      throw ConfigNode.fail(
          t.key("required")
              + " is "
              + required
              + " but only "
              + approvers.size()
              + " approver(s) are configured (key approvers)");
    }
    Duration timeout = t.duration("timeout", defaultTimeout);
    List<TierRule.EscalationStep> ladder =
        t.has("escalation") ? ladder(t, timeout) : defaultLadder(timeout);
    return new TierRule(required, t.bool("self-approval", risk != Risk.HIGH), timeout, ladder);
  }

  private static List<TierRule.EscalationStep> ladder(ConfigNode t, Duration timeout) {
    List<TierRule.EscalationStep> steps = new ArrayList<>();
    Duration previous = Duration.ZERO;
    for (ConfigNode s : t.list("escalation")) {
      s.allowOnly(Set.of("after", "notify"));
      Duration after = s.duration("after", null);
      if (after == null) {
        throw ConfigNode.fail(s.key("after") + " is required");
      }
      if (after.compareTo(previous) <= 0 || after.compareTo(timeout) >= 0) {
        throw ConfigNode.fail(
            s.key("after")
                + " must be later than the step before and earlier than the tier's timeout ("
                + timeout
                + "); got "
                + after);
      }
      previous = after;
      List<String> notify = s.textsOrOne("notify");
      if (notify.isEmpty()) {
        throw ConfigNode.fail(s.key("notify") + " must name approvers, on-call or Slack IDs");
      }
      List<Principal> others = new ArrayList<>();
      for (String n : notify) {
        if (!n.equals("approvers") && !n.equals("on-call")) {
          if (Principal.parse(n).isEmpty()) {
            throw ConfigNode.fail(
                s.key("notify")
                    + ": '"
                    + n
                    + "' is not approvers, on-call, or a Slack user/group ID");
          }
          others.add(Principal.of(n));
        }
      }
      steps.add(
          new TierRule.EscalationStep(
              after, notify.contains("approvers"), notify.contains("on-call"), others));
    }
    return steps;
  }

  /** Remind the approvers at 15 minutes, call in on-call at 45 (when the timeout leaves room). */
  private static List<TierRule.EscalationStep> defaultLadder(Duration timeout) {
    List<TierRule.EscalationStep> steps = new ArrayList<>();
    if (timeout.compareTo(Duration.ofMinutes(15)) > 0) {
      steps.add(new TierRule.EscalationStep(Duration.ofMinutes(15), true, false, List.of()));
    }
    if (timeout.compareTo(Duration.ofMinutes(45)) > 0) {
      steps.add(new TierRule.EscalationStep(Duration.ofMinutes(45), false, true, List.of()));
    }
    return steps;
  }
}
