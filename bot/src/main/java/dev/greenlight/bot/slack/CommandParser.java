package dev.greenlight.bot.slack;

import dev.greenlight.config.GreenlightConfig;
import java.util.Locale;

/** Parses {@code /remediate <service> <what is wrong>} against the catalog's services. */
public final class CommandParser {
  public static final int MAX_DESCRIPTION = 2000;

  private final GreenlightConfig config;

  public CommandParser(GreenlightConfig config) {
    this.config = config;
  }

  public static String usage(GreenlightConfig config) {
    return "*Usage:* `/remediate <service> <what is wrong>`\n"
        + "Example: `/remediate checkout-api pods OOMKilled and restarting since 14:02`\n"
        + "Timeline of an incident: `/remediate audit GL-XXXXXXXX`\n"
        + "Open incidents: `/remediate list`; one incident now: `/remediate status GL-XXXXXXXX`\n"
        + "Services: "
        + String.join(", ", config.services().stream().map(s -> "`" + s + "`").toList());
  }

  /** Control characters other than newline and tab, and invisible format characters. */
  private static final String INVISIBLE = "[\\p{Cntrl}&&[^\\n\\t]]|\\p{Cf}";

  public ParsedCommand parse(String text) {
    String t = text == null ? "" : text.strip();
    if (t.isEmpty() || t.equalsIgnoreCase("help")) {
      return new ParsedCommand.Help();
    }
    if (t.toLowerCase(Locale.ROOT).startsWith("audit")) {
      String id = t.substring("audit".length()).strip().toUpperCase(Locale.ROOT);
      if (!id.matches("GL-[A-Z0-9]{8}")) {
        return new ParsedCommand.Invalid(
            "Usage: `/remediate audit GL-XXXXXXXX` (the incident ID from its card).");
      }
      return new ParsedCommand.Audit(id);
    }
    String[] parts = t.split("\\s+", 2);
    String first = parts[0].toLowerCase(Locale.ROOT);
    if (first.equals("list") && parts.length == 1) {
      return new ParsedCommand.Overview();
    }
    if (first.equals("status")) {
      String id = parts.length < 2 ? "" : parts[1].strip().toUpperCase(Locale.ROOT);
      if (!id.matches("GL-[A-Z0-9]{8}")) {
        return new ParsedCommand.Invalid(
            "Usage: `/remediate status GL-XXXXXXXX` (the incident ID from its card)"
                + (id.isEmpty() ? "." : "; `" + SlackText.escape(cut(id, 40)) + "` is not one."));
      }
      return new ParsedCommand.Status(id);
    }
    String service = parts[0].toLowerCase(Locale.ROOT);
    if (!config.knowsService(service)) {
      return new ParsedCommand.Invalid(
          "Unknown service `" + SlackText.escape(cut(parts[0], 60)) + "`. " + usage(config));
    }
    // Control and invisible format characters say nothing: a description of only those is blank.
    String description = parts.length < 2 ? "" : parts[1].replaceAll(INVISIBLE, "").strip();
    if (description.isEmpty()) {
      return new ParsedCommand.Invalid(
          "Say what is wrong with `"
              + service
              + "`, e.g. `/remediate "
              + service
              + " pods OOMKilled since 14:02`.");
    }
    if (description.length() > MAX_DESCRIPTION) {
      return new ParsedCommand.Invalid(
          "The description is "
              + description.length()
              + " characters long; keep it under "
              + MAX_DESCRIPTION
              + ".");
    }
    return new ParsedCommand.Start(service, description);
  }

  private static String cut(String s, int max) {
    return s.length() > max ? s.substring(0, max) + "…" : s;
  }
}
