package dev.greenlight.config;

import dev.greenlight.api.Principal;
import dev.greenlight.api.Risk;
import java.util.List;

/**
 * One entry of the runbook catalog: what it fixes (label, examples), how risky it is, what it does
 * and how it checks that it worked. {@code approvers}, when not empty, replaces the global
 * approvers for this runbook.
 */
public record Runbook(
    String id,
    String label,
    Risk risk,
    String description,
    List<String> examples,
    ActionSpec action,
    VerifySpec verify,
    List<Principal> approvers) {
  public Runbook {
    examples = List.copyOf(examples);
    approvers = List.copyOf(approvers);
  }
}
