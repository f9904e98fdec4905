package dev.greenlight.bot.alerts;

import dev.greenlight.api.AlertFacts;
import dev.greenlight.api.AlertNote;
import dev.greenlight.api.IncidentRequest;
import dev.greenlight.bot.slack.IncidentIds;
import dev.greenlight.config.AlertSettings;
import dev.greenlight.config.GreenlightConfig;
import dev.greenlight.config.Runbook;

/**
 * How an alert becomes Greenlight's: its service (the first configured label present, which must
 * name a catalog service), its incident ID (from the firing's key, so repeats and replicas agree),
 * the incident's text and the runbook hint.
 */
final class AlertMapping {
  /** The most of an alert's text an incident carries. */
  static final int MAX_TEXT = 1500;

  private final GreenlightConfig config;
  private final AlertSettings settings;

  AlertMapping(GreenlightConfig config) {
    this.config = config;
    this.settings = config.alerts();
  }

  /** Where an alert's service came from, and whether the catalog knows it. */
  record Service(String label, String value, boolean known) {
    /** Which label (or field) named it, for the "unknown service" report. */
    String describe() {
      return value == null ? "none of the labels" : "label " + label;
    }
  }

  Service service(Alert a) {
    if (a.service() != null) {
      return new Service("service", a.service(), config.knowsService(a.service()));
    }
    for (String label : settings.serviceLabels()) {
      String v = a.labels().get(label);
      if (v != null && !v.isBlank()) {
        return new Service(label, v.strip(), config.knowsService(v.strip()));
      }
    }
    return new Service(String.join(", ", settings.serviceLabels()), null, false);
  }

  static String incidentId(Alert a) {
    return IncidentIds.fromAlert(a.source(), a.key());
  }

  /** The incident a firing alert starts for {@code service} (a catalog service). */
  IncidentRequest request(Alert a, String service) {
    String hint = settings.hintFor(a.name());
    return new IncidentRequest(
        incidentId(a),
        service,
        text(a, hint),
        a.source(),
        config.alertChannel(),
        config.policySnapshot(),
        new AlertFacts(a.source(), a.name(), a.key(), startsAt(a), hint, 0));
  }

  /** The alert's news for an open incident. */
  static AlertNote note(Alert a, String service, long nowMillis) {
    long at = a.resolved() ? (a.endsAtMillis() > 0 ? a.endsAtMillis() : nowMillis) : startsAt(a);
    return new AlertNote(a.key(), a.name(), service, a.resolved(), at, a.summary());
  }

  private static long startsAt(Alert a) {
    return a.startsAtMillis() > 0 ? a.startsAtMillis() : 0;
  }

  /**
   * What the classifier reads and the card quotes: the alert's name and summary, then the hint,
   * marked as the alert config's (evidence, not a decision).
   */
  String text(Alert a, String hint) {
    StringBuilder t = new StringBuilder(a.name());
    String summary = a.summary();
    if (summary != null) {
      t.append(": ").append(summary);
    }
    String description = a.annotations().get("description");
    if (description != null && !description.isBlank() && !description.strip().equals(summary)) {
      t.append("\n").append(description.strip());
    }
    String cut = t.length() > MAX_TEXT ? t.substring(0, MAX_TEXT) + "…" : t.toString();
    if (hint != null) {
      String label = config.runbook(hint).map(Runbook::label).orElse(hint);
      cut += "\n[alert config hint: runbook " + hint + " (" + label + "); evidence only]";
    }
    return cut;
  }
}
