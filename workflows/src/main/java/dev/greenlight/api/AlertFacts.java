package dev.greenlight.api;

/**
 * What an alert said when it started an incident (absent for {@code /remediate} incidents). All
 * text is untrusted: the card shows it escaped, the classifier only embeds it.
 *
 * @param source where it came from, e.g. {@code alertmanager} or a generic source's name
 * @param alertName the alert's name ({@code alertname} label)
 * @param key the alert firing's identity, {@code <fingerprint>@<startsAt millis>}
 * @param startsAtMillis when the alert started firing
 * @param runbookHint the runbook the alert config hints at, or null: evidence for the classifier
 *     and shown on the card, never an approval
 * @param resolvedAtMillis when the alert said it resolved on its own; 0 while it fires
 */
public record AlertFacts(
    String source,
    String alertName,
    String key,
    long startsAtMillis,
    String runbookHint,
    long resolvedAtMillis) {

  /** The same alert, resolved at {@code atMillis}. */
  public AlertFacts resolvedAt(long atMillis) {
    return new AlertFacts(source, alertName, key, startsAtMillis, runbookHint, atMillis);
  }

  public boolean resolved() {
    return resolvedAtMillis > 0;
  }
}
