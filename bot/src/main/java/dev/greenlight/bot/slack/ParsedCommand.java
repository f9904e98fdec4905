package dev.greenlight.bot.slack;

/** What {@code /remediate} text meant: help, an error to show, or an incident to start. */
public sealed interface ParsedCommand {
  record Help() implements ParsedCommand {}

  record Invalid(String message) implements ParsedCommand {}

  record Start(String service, String description) implements ParsedCommand {}
}
