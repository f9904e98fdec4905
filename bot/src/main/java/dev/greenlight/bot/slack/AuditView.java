package dev.greenlight.bot.slack;

import dev.greenlight.api.AuditEntry;
import dev.greenlight.api.Redaction;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/** {@code /remediate audit <incident>}: the timeline, read from the workflow (no second store). */
final class AuditView {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private AuditView() {}

  static String render(Incidents incidents, String incidentId) {
    Optional<List<AuditEntry>> entries;
    try {
      entries = incidents.audit(incidentId);
    } catch (TemporalUnreachable e) {
      return e.inDoubt()
          ? ":warning: Could not read incident "
              + incidentId
              + " in time ("
              + SlackText.escape(e.error())
              + "); is a worker running?"
          : ":warning: Greenlight cannot reach Temporal ("
              + SlackText.escape(e.error())
              + "); could not read incident "
              + incidentId
              + ".";
    }
    if (entries.isEmpty()) {
      return incidents.unknownText(incidentId, false);
    }
    StringBuilder out = new StringBuilder("*Timeline of incident " + incidentId + "*\n");
    for (AuditEntry e : entries.get()) {
      out.append("• `")
          .append(TIME.format(Instant.ofEpochMilli(e.atMillis())))
          .append("` ")
          .append(e.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
      if (e.actor() != null) {
        out.append(" — ").append(SlackText.mention(e.actor()));
      }
      if (e.detail() != null && !e.detail().isEmpty()) {
        out.append(": ").append(SlackText.code(Redaction.urls(e.detail())));
      }
      out.append('\n');
    }
    return out.toString();
  }
}
