package dev.greenlight.bot.slack;

/**
 * What a person is told about an incident that Temporal has no record of. With a server that keeps
 * its state in memory (the embedded one of {@code greenlight run}, or {@code greenlight
 * dev-server}), that means the incident was lost when the server restarted.
 */
final class LostIncident {
  /** What a lost incident's card shows in place of its buttons. */
  static final String CARD_TEXT =
      ":ghost: This incident was lost: Greenlight's Temporal server restarted and did not keep it."
          + " Its buttons are gone; nothing was decided. Start it again with /remediate.";

  private LostIncident() {}

  static String text(String incidentId, boolean inMemory) {
    String id = incidentId == null ? "This incident" : "Incident " + incidentId;
    if (!inMemory) {
      return id + " is not known to Greenlight's Temporal server; nothing was decided.";
    }
    return ":warning: "
        + id
        + " was lost: Greenlight's Temporal server keeps everything in memory"
        + " (`greenlight run` without TEMPORAL_ADDRESS, or `greenlight dev-server`), and it"
        + " restarted since. Nothing was decided. Start the incident again with /remediate. To keep"
        + " incidents across restarts, set TEMPORAL_ADDRESS to a durable Temporal (`temporal server"
        + " start-dev --db-filename FILE`, a cluster, or Temporal Cloud; see docs/operations.md).";
  }
}
