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

  /**
   * @param fromCard whether a card of the incident was clicked (so it certainly existed) rather
   *     than its ID typed (which may be a typo)
   */
  static String text(String incidentId, boolean inMemory, boolean fromCard) {
    // The ID may come from a button value: named only when it is shaped like one of ours.
    boolean named = incidentId != null && incidentId.matches("GL-[A-Z0-9]{8}");
    String id = named ? "Incident " + incidentId : "This incident";
    String none = named ? "No incident " + incidentId + " is" : "This incident is not";
    if (!inMemory) {
      return fromCard
          ? id + " is not known to Greenlight's Temporal server; nothing was decided."
          : none + " known to Greenlight.";
    }
    String memory =
        " Greenlight's Temporal server keeps everything in memory (`greenlight run` without"
            + " TEMPORAL_ADDRESS, or `greenlight dev-server`) and forgets it when it restarts.";
    String durably =
        " To keep incidents across restarts, set TEMPORAL_ADDRESS to a durable Temporal (`temporal"
            + " server start-dev --db-filename FILE`, a cluster, or Temporal Cloud; see"
            + " docs/operations.md).";
    return fromCard
        ? ":warning: "
            + id
            + " was lost:"
            + memory
            + " Nothing was decided; start it again with /remediate."
            + durably
        : ":warning: "
            + none
            + " known to Greenlight."
            + memory
            + " If it was started before the last restart, it was lost with it."
            + durably;
  }
}
