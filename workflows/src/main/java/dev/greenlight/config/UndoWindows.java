package dev.greenlight.config;

import dev.greenlight.config.KubernetesOperation.Rollback;
import dev.greenlight.config.KubernetesOperation.Scale;
import java.time.Duration;

/** The {@code undo-window} key of a {@code kubernetes} action: only where an inverse exists. */
final class UndoWindows {
  private static final Duration MAX = Duration.ofHours(24);

  private UndoWindows() {}

  /** Whether the operation has an inverse that Undo can run. */
  static boolean undoable(KubernetesOperation op) {
    return op instanceof Scale || op instanceof Rollback;
  }

  /** The window the catalog's {@code undo-window} and {@code undo} keys give (null: defaults). */
  static Duration fromFile(KubernetesOperation op, Duration window, Boolean undo) {
    if (Boolean.FALSE.equals(undo)) {
      Invalid.require(window == null, "undo-window", " is not used with undo: false");
      return Duration.ZERO;
    }
    Invalid.require(
        undo == null || undoable(op),
        "undo",
        " applies only to scale and rollback: " + op.key() + " has no inverse to undo");
    return window;
  }

  /**
   * The window to keep: the default for an operation with an inverse, zero for one without.
   *
   * @throws Invalid naming {@code undo-window} when it is negative, above 24h, or given for an
   *     operation that has no inverse
   */
  static Duration check(KubernetesOperation op, Duration window) {
    if (!undoable(op)) {
      Invalid.require(
          window == null || window.isZero(),
          "undo-window",
          " applies only to scale and rollback: " + op.key() + " has no inverse to undo");
      return Duration.ZERO;
    }
    if (window == null) {
      return KubernetesAction.DEFAULT_UNDO_WINDOW;
    }
    Invalid.require(
        !window.isNegative() && window.compareTo(MAX) <= 0,
        "undo-window",
        " must be at most 24h (got " + window + "; undo: false offers no Undo)");
    return window;
  }
}
