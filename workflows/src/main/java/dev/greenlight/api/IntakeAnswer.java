package dev.greenlight.api;

import java.util.List;

/**
 * What the alert intake decided for each alert of a batch, in the batch's order.
 *
 * @param decisions one per alert
 * @param openNow how many alert incidents are open after the batch
 */
public record IntakeAnswer(List<Decision> decisions, int openNow) {
  public IntakeAnswer {
    decisions = List.copyOf(decisions);
  }

  /** What became of one alert. */
  public enum Verdict {
    /** Its incident started. */
    STARTED,
    /** Its firing has (or had) an incident, or already joined one: nothing new. */
    REPEATED,
    /** Its service has enough open incidents: it joined the oldest one's thread. */
    JOINED,
    /** Resolved, and told to its incident (or the incident it joined). */
    RESOLVED,
    /** The global cap is reached: no incident, recorded in the intake's audit. */
    HELD_BACK,
    /** Resolved, but no open incident was its own or had it joined. */
    IGNORED
  }

  /**
   * @param incidentId the alert's own incident ID
   * @param verdict what became of it
   * @param target the incident it joined or was told to, or null
   */
  public record Decision(String incidentId, Verdict verdict, String target) {}
}
