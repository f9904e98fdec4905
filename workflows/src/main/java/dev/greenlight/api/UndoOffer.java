package dev.greenlight.api;

import java.util.List;

/**
 * The Undo reply in an incident's thread, as the workflow fills it in: what Undo would do, until
 * when, who approved it so far and how it ended. The bot renders it; its button shows only while
 * the offer is {@link State#OFFERED}.
 *
 * @param nonce what the Undo button carries while offered (null once it is not)
 * @param required how many approvals the Undo needs (the original tier's rule)
 * @param approvals who approved the Undo so far
 * @param detail what the Undo did or why it failed (a plain fact from Greenlight), or null
 */
public record UndoOffer(
    String workflowId,
    String description,
    State state,
    String nonce,
    long untilMillis,
    int required,
    List<String> approvals,
    String detail) {
  public UndoOffer {
    approvals = approvals == null ? List.of() : List.copyOf(approvals);
  }

  /** Where the offer stands. */
  public enum State {
    OFFERED,
    RUNNING,
    UNDONE,
    FAILED,
    EXPIRED
  }
}
