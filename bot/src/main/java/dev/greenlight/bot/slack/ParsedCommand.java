package dev.greenlight.bot.slack;

/**
 * What {@code /remediate} text meant: help, an error to show, an incident to start, or an audit to
 * show.
 */
public sealed interface ParsedCommand {
  record Help() implements ParsedCommand {}

  record Invalid(String message) implements ParsedCommand {}

  record Start(String service, String description) implements ParsedCommand {}

  record Audit(String incidentId) implements ParsedCommand {}

  /** {@code /remediate list}: every open incident. */
  record Overview() implements ParsedCommand {}

  /** {@code /remediate status GL-XXXXXXXX}: one incident's current state. */
  record Status(String incidentId) implements ParsedCommand {}
}
