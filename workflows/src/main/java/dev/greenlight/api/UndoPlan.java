package dev.greenlight.api;

/**
 * The inverse of a change an action made, captured by the action before it made the change, kept in
 * the workflow's state and offered as Undo for {@code windowSeconds}. Only operations that have an
 * inverse carry one ({@code kubernetes} {@code scale} and {@code rollback}).
 *
 * @param kind what the Undo does
 * @param value the replica count to scale back to ({@link Kind#SCALE}), or the revision to roll
 *     back to ({@link Kind#ROLLBACK})
 * @param description one plain line for the thread, written by Greenlight, e.g. {@code scale back
 *     to 3 replicas}
 * @param windowSeconds how long the Undo stays offered after the incident ended; 0: not offered
 */
public record UndoPlan(Kind kind, long value, String description, long windowSeconds) {
  /** The inverse operations Greenlight knows. */
  public enum Kind {
    /** Scale back to the count before the change. */
    SCALE,
    /** Roll back to the revision before the change. */
    ROLLBACK
  }
}
