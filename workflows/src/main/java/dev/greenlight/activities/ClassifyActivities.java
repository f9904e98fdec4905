package dev.greenlight.activities;

import dev.greenlight.api.Classification;
import io.temporal.activity.ActivityInterface;

/** Classifies an incident against the runbook catalog. */
@ActivityInterface
public interface ClassifyActivities {
  /**
   * Compares the incident text with each runbook's example symptoms. Read-only and deterministic
   * for a given model and catalog, so it is safe to retry any number of times; it needs no
   * idempotency key.
   *
   * @param service the validated service name (used only to render the proposed action)
   * @param incidentId the incident's ID (used only to render the proposed action)
   * @param text the reporter's words: untrusted data, only ever embedded, never executed
   */
  Classification classify(String service, String incidentId, String text);

  /**
   * The catalog's classification for a runbook a person picked (no model involved): its label, risk
   * and rendered action. Read-only, safe to retry. Fails non-retryably (type {@code
   * UnknownRunbook}) when the catalog has no such runbook.
   */
  Classification describe(String runbookId, String service, String incidentId);
}
