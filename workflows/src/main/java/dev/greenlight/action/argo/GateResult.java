package dev.greenlight.action.argo;

/**
 * What a decision sent to an Argo suspend gate came to.
 *
 * @param outcome how it ended
 * @param nodePhase the node's phase as last read ({@code Succeeded}, {@code Failed}), or empty
 * @param detail one plain line for the card or the thread
 */
public record GateResult(Outcome outcome, String nodePhase, String detail) {
  /** How a decision ended. */
  public enum Outcome {
    /** This call resumed or stopped the node. */
    APPLIED,
    /** An earlier attempt of the same decision already did (a repeat after a crash). */
    ALREADY_APPLIED,
    /** Someone resumed the node outside Greenlight (e.g. {@code argo resume}). */
    RESUMED_ELSEWHERE,
    /** Someone stopped the node or the workflow outside Greenlight. */
    STOPPED_ELSEWHERE,
    /** The workflow was deleted, or no longer has the node. */
    GONE
  }

  /** Whether Greenlight's decision is what happened (now or on an earlier attempt). */
  public boolean ours() {
    return outcome == Outcome.APPLIED || outcome == Outcome.ALREADY_APPLIED;
  }
}
