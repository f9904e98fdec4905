package dev.greenlight.bot.slack;

import dev.greenlight.api.GateView;
import dev.greenlight.api.Hold;
import dev.greenlight.api.IncidentSummary;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The words of {@code /remediate list} and {@code /remediate status}: each incident's state
 * (waiting for whom, running, verifying), its age, the rails holding it and a link to its card. The
 * App Home ({@link AppHomeView}) uses the same lines.
 */
final class IncidentsView {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private IncidentsView() {}

  /** {@code /remediate list}: every open incident, one line each, newest first. */
  static String list(
      List<IncidentSummary> open, Function<IncidentSummary, Optional<String>> link, long now) {
    if (open.isEmpty()) {
      return "No open incidents.";
    }
    StringBuilder out = new StringBuilder("*Open incidents (" + open.size() + ")*\n");
    for (IncidentSummary s : open) {
      out.append("• ").append(line(s, link.apply(s), now)).append('\n');
    }
    return out.toString();
  }

  /** {@code /remediate status}: one incident in a few lines. */
  static String status(IncidentSummary s, Optional<String> link, long now) {
    StringBuilder out =
        new StringBuilder("*Incident ")
            .append(title(s, link))
            .append("* · `")
            .append(SlackText.escape(s.service()))
            .append("`\n");
    out.append("State: ").append(state(s)).append('\n');
    out.append("Requested by ")
        .append(SlackText.mention(s.requesterId()))
        .append(" at ")
        .append(TIME.format(Instant.ofEpochMilli(s.startedAtMillis())))
        .append(" (")
        .append(age(s, now))
        .append(" ago)\n");
    if (s.runbookId() != null) {
      out.append("Runbook: `")
          .append(SlackText.escape(s.runbookId()))
          .append("`")
          .append(s.risk() == null ? "" : ", " + s.risk().label() + " risk")
          .append('\n');
    }
    for (Hold h : s.holds()) {
      out.append(HoldsView.line(h)).append('\n');
    }
    return out.toString();
  }

  /** One incident in one line: ID (linked), service, state, age, holds. */
  static String line(IncidentSummary s, Optional<String> link, long now) {
    StringBuilder out =
        new StringBuilder("*")
            .append(title(s, link))
            .append("* `")
            .append(SlackText.escape(s.service()))
            .append("` · ")
            .append(state(s))
            .append(" · ")
            .append(age(s, now));
    for (Hold h : s.holds()) {
      out.append(h.kind() == Hold.Kind.BREAKER ? " · :octagonal_sign: breaker" : " · :snowflake:");
    }
    return out.toString();
  }

  /** Where the incident is, naming whom it waits for. */
  static String state(IncidentSummary s) {
    GateView g = s.gate();
    String runbook = s.runbookId() == null ? "" : " `" + SlackText.escape(s.runbookId()) + "`";
    return switch (s.phase()) {
      case CLASSIFYING -> "classifying";
      case WAITING_FOR_APPROVAL ->
          "waiting for approval from "
              + SlackText.mentions(s.waitingFor())
              + (g.required() > 1 ? " (" + g.approvals().size() + " of " + g.required() + ")" : "");
      case CHOOSING_RUNBOOK ->
          "waiting for a runbook pick from " + SlackText.mentions(s.waitingFor());
      case RUNNING -> "running" + runbook;
      case VERIFYING -> "verifying" + runbook;
      case ENDED -> "ended (" + s.outcome().name().toLowerCase().replace('_', ' ') + ")";
    };
  }

  static String age(IncidentSummary s, long now) {
    long minutes = Math.max(0, Duration.ofMillis(now - s.startedAtMillis()).toMinutes());
    if (minutes < 60) {
      return minutes + " min";
    }
    if (minutes < 48 * 60) {
      return minutes / 60 + " h " + minutes % 60 + " min";
    }
    return minutes / (24 * 60) + " d";
  }

  private static String title(IncidentSummary s, Optional<String> link) {
    return link.map(url -> "<" + url + "|" + s.incidentId() + ">").orElse(s.incidentId());
  }
}
