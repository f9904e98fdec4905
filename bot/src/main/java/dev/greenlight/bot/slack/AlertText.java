package dev.greenlight.bot.slack;

import dev.greenlight.api.AlertFacts;
import dev.greenlight.api.IncidentCard;
import dev.greenlight.api.Redaction;
import dev.greenlight.api.ThreadUpdate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The words an alert-started incident adds to its card and thread. The alert's own text (name,
 * summary, hint) is untrusted and always escaped; a runbook hint is shown as evidence, never as an
 * approval.
 */
public final class AlertText {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private AlertText() {}

  /** The card's "reported by" line for an alert, followed by the quoted incident text. */
  static String reported(IncidentCard card) {
    AlertFacts a = card.alert();
    return "Reported by *"
        + SlackText.escape(sourceName(a.source()))
        + "*: alert "
        + SlackText.code(a.alertName())
        + " firing since "
        + TIME.format(Instant.ofEpochMilli(a.startsAtMillis()))
        + "\n"
        + SlackText.quote(card.text(), SlackText.SECTION_TEXT - 200);
  }

  /** The card's context line about the hint, or null when the alert config hints at none. */
  static String hint(IncidentCard card) {
    String hint = card.alert().runbookHint();
    return hint == null
        ? null
        : SlackText.fit(
            "Runbook hint from the alert config: "
                + SlackText.code(hint)
                + " (evidence for the classifier only; the gate still decides)",
            SlackText.CONTEXT_TEXT);
  }

  /** The card's line once the alert resolved, or null while it fires. */
  static String resolved(IncidentCard card) {
    AlertFacts a = card.alert();
    return a.resolved()
        ? ":large_green_circle: The alert resolved on its own at "
            + TIME.format(Instant.ofEpochMilli(a.resolvedAtMillis()))
            + "."
        : null;
  }

  /** The card's gate line when the alert resolved before anyone decided. */
  static String resolvedGate(String at) {
    return ":large_green_circle: Resolved on its own at " + at + " — nothing was run";
  }

  /** A thread update about alerts (also firing, no longer firing, resolved on its own). */
  static String thread(ThreadUpdate u) {
    String detail = SlackText.escape(Redaction.urls(u.detail()));
    return switch (u.step()) {
      case ALSO_FIRING -> ":bell: Also firing: " + detail + ".";
      case ALSO_RESOLVED -> "No longer firing: " + detail + ".";
      case ALERT_RESOLVED -> ":large_green_circle: The alert resolved on its own " + detail + ".";
      default -> detail;
    };
  }

  private static String sourceName(String source) {
    if (source == null || source.isBlank()) {
      return "an alert";
    }
    return source.equals("alertmanager")
        ? "Alertmanager"
        : source.substring(0, 1).toUpperCase(Locale.ROOT) + source.substring(1);
  }
}
