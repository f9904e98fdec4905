package dev.greenlight.action.kubernetes;

/**
 * What an operation did: its summary line, and the state before the change that an Undo restores
 * (the replica count, or the revision), or null when there is nothing to undo.
 */
record Change(String summary, Long before) {
  static Change of(String summary) {
    return new Change(summary, null);
  }
}
