package dev.greenlight.intake;

import java.util.List;

/**
 * What one run of the intake hands to the next when it continues as new.
 *
 * @param open the open alert incidents, oldest first
 * @param audit the latest decisions, oldest first
 */
public record IntakeState(List<Open> open, List<Entry> audit) {
  /** How many decisions the audit keeps. */
  public static final int KEPT = 300;

  /** How many joined alerts an open incident remembers. */
  static final int JOINED_KEPT = 200;

  public static final IntakeState EMPTY = new IntakeState(List.of(), List.of());

  public IntakeState {
    open = open == null ? List.of() : List.copyOf(open);
    audit = audit == null ? List.of() : List.copyOf(audit);
  }

  /**
   * One open alert incident.
   *
   * @param incidentId {@code GL-…}
   * @param service its catalog service
   * @param startedMillis when it started (workflow time, or Temporal's start time when found)
   * @param joined the keys of the other alerts that joined its thread
   */
  public record Open(String incidentId, String service, long startedMillis, List<String> joined) {
    public Open {
      joined = joined == null ? List.of() : List.copyOf(joined);
    }

    /** The same incident with {@code key} added to (or removed from) its joined alerts. */
    Open withJoined(String key, boolean add) {
      java.util.List<String> next = new java.util.ArrayList<>(joined);
      next.remove(key);
      if (add) {
        next.add(key);
      }
      while (next.size() > JOINED_KEPT) {
        next.remove(0); // a repeat of a forgotten one joins again; the incident tells it once
      }
      return new Open(incidentId, service, startedMillis, next);
    }
  }

  /**
   * One decision of the intake.
   *
   * @param atMillis workflow time
   * @param kind what happened
   * @param incidentId the alert's own incident ID (or the incident that closed)
   * @param service the alert's service
   * @param detail the alert and the reason, e.g. {@code held back: 20 of max-open 20 are open}
   */
  public record Entry(long atMillis, Kind kind, String incidentId, String service, String detail) {}

  /** The kinds of decision. */
  public enum Kind {
    STARTED,
    JOINED,
    HELD_BACK,
    RESOLVED,
    CLOSED,
    FOUND,
    NOTE
  }
}
