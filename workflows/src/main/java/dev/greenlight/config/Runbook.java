package dev.greenlight.config;

import dev.greenlight.api.Principal;
import dev.greenlight.api.Risk;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One entry of the runbook catalog: what it fixes (label, examples), how risky it is, what it does
 * and how it checks that it worked. {@code approvers}, when not empty, replaces the global
 * approvers for this runbook. A null description or approver list is empty, as an absent key is.
 *
 * @param id lower-case letters, digits and {@code -}; unique in the catalog
 * @param label what the card shows as the classification
 * @param risk the tier whose gate rule applies
 * @param description a sentence for people, may be empty
 * @param examples example symptoms the classifier compares incidents with, at least one
 * @param action what it does, of any action kind
 * @param verify how it checks recovery, of any verification kind
 * @param approvers who may decide on it instead of the global approvers; empty for those
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
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

  public Runbook {
    Check.text("id", id);
    Invalid.require(
        ID.matcher(id).matches(),
        "id",
        ": '" + id + "' must be lower-case letters, digits and '-'");
    Check.text("label", label);
    Check.present("risk", risk);
    description = description == null ? "" : description;
    Invalid.require(
        examples != null && !examples.isEmpty(),
        "examples",
        " must list at least one example symptom");
    for (int i = 0; i < examples.size(); i++) {
      Check.text("examples[" + i + "]", examples.get(i));
    }
    examples = List.copyOf(examples);
    Check.present("action", action);
    Check.present("verify", verify);
    approvers = approvers == null ? List.of() : List.copyOf(approvers);
  }
}
