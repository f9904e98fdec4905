package dev.greenlight.api;

import java.util.List;

/**
 * The rails in force when the incident started (a snapshot of the {@code rails} section).
 *
 * @param breakerFailures failed verifications of one runbook for one service within the window that
 *     suspend its auto-approval; 0 turns the breaker off
 * @param breakerWindowSeconds how far back failures count
 * @param freezes the change-freeze windows
 * @param highRiskInFreeze what a high-risk proposal needs during a freeze
 */
public record RailsPolicy(
    int breakerFailures,
    long breakerWindowSeconds,
    List<FreezeWindow> freezes,
    HighRiskInFreeze highRiskInFreeze) {
  /** No rails: what incidents recorded before the rails carry (their snapshot has none). */
  public static final RailsPolicy NONE =
      new RailsPolicy(0, 0, List.of(), HighRiskInFreeze.EXTRA_APPROVER);

  public RailsPolicy {
    freezes = freezes == null ? List.of() : List.copyOf(freezes);
    highRiskInFreeze =
        highRiskInFreeze == null ? HighRiskInFreeze.EXTRA_APPROVER : highRiskInFreeze;
  }

  public boolean breakerOn() {
    return breakerFailures > 0 && breakerWindowSeconds > 0;
  }

  /** Whether any rail is on; with none, the workflow asks nothing of the rails. */
  public boolean any() {
    return breakerOn() || !freezes.isEmpty();
  }

  /** What a high-risk proposal needs during a change freeze. */
  public enum HighRiskInFreeze {
    /** One approver more than the tier asks for. */
    EXTRA_APPROVER,
    /** Nothing high-risk runs during a freeze: the incident ends, nothing run. */
    REFUSE
  }
}
