package dev.greenlight.bot.slack;

import dev.greenlight.api.Principal;
import dev.greenlight.api.Refusal;
import dev.greenlight.config.GreenlightConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The bot's own check on a click, before anything reaches Temporal: is this person an approver at
 * all, as the configuration names them. A click is refused here only when its clicker is in none of
 * the approver lists (the global one and every runbook's own); when any list names a user group,
 * nobody is refused here, because group membership is looked up by the workflow.
 *
 * <p>This is fast feedback, not authorization: a click let through is judged again by the workflow
 * on its own state (open gate, nonce, this runbook's approvers, self-approval, duplicates), which
 * is the source of truth.
 */
final class ConfigApprovers {
  private final Set<String> users;
  private final boolean groups;

  private ConfigApprovers(Set<String> users, boolean groups) {
    this.users = users;
    this.groups = groups;
  }

  /** Every approver the configuration names, globally and per runbook. */
  static ConfigApprovers of(GreenlightConfig config) {
    List<Principal> all = new ArrayList<>(config.approvers());
    config.runbooks().forEach(r -> all.addAll(config.approversFor(r.id())));
    if (config.argo().gates() != null) {
      all.addAll(config.argo().gates().approvers()); // Argo suspend gates' own approvers
    }
    return new ConfigApprovers(Set.copyOf(Principal.ids(all)), Principal.anyGroup(all));
  }

  /**
   * Why {@code userId}'s click cannot count whatever the gate says, or empty when the workflow must
   * judge it. The refusal names no approvers: which list applies depends on the incident's runbook,
   * which only the workflow knows.
   */
  Optional<Refusal> check(String userId) {
    if (groups || users.contains(userId)) {
      return Optional.empty();
    }
    return Optional.of(new Refusal(Refusal.Reason.NOT_AN_APPROVER, List.of()));
  }
}
