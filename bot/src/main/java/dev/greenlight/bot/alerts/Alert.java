package dev.greenlight.bot.alerts;

import java.util.Map;

/**
 * One alert as a source sent it, checked but still untrusted: its text is only ever escaped when
 * shown, and its service label counts only if it names a service of the catalog.
 *
 * @param source {@code alertmanager} or the generic source's name
 * @param resolved false while it fires
 * @param labels its labels (Alertmanager's) or the generic source's labels object
 * @param service the service the source names directly (generic sources), or null: from labels
 * @param startsAtMillis when it started firing; 0 when the source does not say (the fingerprint
 *     alone is the firing)
 * @param endsAtMillis when it resolved; 0 when unknown or still firing
 */
record Alert(
    String source,
    boolean resolved,
    String name,
    Map<String, String> labels,
    Map<String, String> annotations,
    String fingerprint,
    long startsAtMillis,
    long endsAtMillis,
    String service) {
  Alert {
    labels = Map.copyOf(labels);
    annotations = Map.copyOf(annotations);
  }

  /** The firing's identity: every repeat of it has the same key. */
  String key() {
    return fingerprint + "@" + startsAtMillis;
  }

  /** The name for a log line: control characters (a forged line break) replaced. */
  String logName() {
    return name.replaceAll("\\p{Cntrl}", "?");
  }

  /** The summary annotation (or description, or message), or null. */
  String summary() {
    for (String k : new String[] {"summary", "description", "message"}) {
      String v = annotations.get(k);
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return null;
  }
}
