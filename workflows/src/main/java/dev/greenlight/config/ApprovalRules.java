package dev.greenlight.config;

import dev.greenlight.api.Principal;
import dev.greenlight.api.Risk;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code approvals} section as written: each tier's settings, any of them absent. {@link
 * #resolve} fills in the defaults: one approver for low and medium, two who did not ask for high,
 * the policy's approval timeout, and a ladder that reminds at 15 minutes and calls on-call at 45.
 */
record ApprovalRules(Tier low, Tier medium, Tier high) {
  static final ApprovalRules NONE = new ApprovalRules(null, null, null);

  /**
   * Every tier's rule; a refusal names its key under {@code approvals}. A quorum the global {@code
   * approvers} cannot reach is refused for a tier that sets {@code required}, unless they include a
   * user group.
   */
  Map<Risk, TierRule> resolve(Duration defaultTimeout, List<Principal> approvers) {
    Map<Risk, TierRule> rules = new EnumMap<>(Risk.class);
    for (Risk risk : Risk.values()) {
      Tier tier =
          switch (risk) {
            case LOW -> low;
            case MEDIUM -> medium;
            case HIGH -> high;
          };
      try {
        rules.put(risk, (tier == null ? Tier.NONE : tier).resolve(risk, defaultTimeout, approvers));
      } catch (Invalid e) {
        throw e.under("approvals." + risk.label());
      }
    }
    return rules;
  }

  /** One tier as written; null means the key is absent. */
  record Tier(
      Integer required,
      Boolean selfApproval,
      Duration timeout,
      List<TierRule.EscalationStep> escalation) {
    static final Tier NONE = new Tier(null, null, null, null);

    TierRule resolve(Risk risk, Duration defaultTimeout, List<Principal> approvers) {
      Duration t = timeout == null ? defaultTimeout : timeout;
      TierRule rule =
          new TierRule(
              required == null ? (risk == Risk.HIGH ? 2 : 1) : required,
              selfApproval == null ? risk != Risk.HIGH : selfApproval,
              t,
              escalation == null ? TierRule.defaultLadder(t) : escalation);
      boolean reachable =
          required == null
              || approvers == null
              || approvers.isEmpty()
              || Principal.anyGroup(approvers)
              || required <= approvers.size();
      if (!reachable) {
        throw new Invalid(
            "required",
            " is "
                + required
                + " but only "
                + approvers.size()
                + " approver(s) are configured (key approvers)");
      }
      return rule;
    }
  }
}
