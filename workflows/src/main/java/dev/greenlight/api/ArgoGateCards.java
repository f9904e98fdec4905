package dev.greenlight.api;

/**
 * How an Argo suspend gate's card differs from an incident's: its classification's {@code model} is
 * {@link #MODEL}, its service is {@code <namespace>/<workflow>}, its text holds the facts one per
 * line, and its action is the link to the workflow in the Argo UI.
 */
public final class ArgoGateCards {
  /** The {@link Classification#model()} of an Argo gate's card. */
  public static final String MODEL = "argo-suspend-gate";

  private ArgoGateCards() {}

  /** Whether {@code card} is an Argo suspend gate's. */
  public static boolean is(IncidentCard card) {
    return card != null
        && card.classification() != null
        && MODEL.equals(card.classification().model());
  }
}
