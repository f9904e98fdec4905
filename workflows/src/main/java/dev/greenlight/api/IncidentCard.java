package dev.greenlight.api;

import java.util.List;

/**
 * Everything the incident card shows. The bot renders it; the workflow only fills it in.
 *
 * @param gate the gate as it stands: state, the nonce the buttons carry (when open), approvals so
 *     far, who decided and when
 * @param choices the runbooks a person may pick when nothing matched (empty otherwise)
 * @param outcome how the incident ended (recovered, escalated, rejected, expired, failed), or null
 *     while it is still open
 * @param outcomeDetail a plain fact from Greenlight about the outcome (the probe's last answer, the
 *     failure), or null
 * @param alert the alert that started the incident (and whether it resolved), or null
 * @param holds the rails holding the incident back (circuit breaker, change freeze); empty when
 *     none
 */
public record IncidentCard(
    String incidentId,
    String workflowId,
    String service,
    String text,
    String requesterId,
    Classification classification,
    GateView gate,
    List<RunbookChoice> choices,
    Outcome outcome,
    String outcomeDetail,
    AlertFacts alert,
    List<Hold> holds) {
  public IncidentCard {
    choices = choices == null ? List.of() : List.copyOf(choices);
    holds = holds == null ? List.of() : List.copyOf(holds);
  }

  /** A card of an incident no alert started, without holds. */
  public IncidentCard(
      String incidentId,
      String workflowId,
      String service,
      String text,
      String requesterId,
      Classification classification,
      GateView gate,
      List<RunbookChoice> choices,
      Outcome outcome,
      String outcomeDetail) {
    this(
        incidentId,
        workflowId,
        service,
        text,
        requesterId,
        classification,
        gate,
        choices,
        outcome,
        outcomeDetail,
        null,
        List.of());
  }

  /** A card of an open incident. */
  public IncidentCard(
      String incidentId,
      String workflowId,
      String service,
      String text,
      String requesterId,
      Classification classification,
      GateView gate) {
    this(
        incidentId,
        workflowId,
        service,
        text,
        requesterId,
        classification,
        gate,
        List.of(),
        null,
        null);
  }

  /**
   * This card as a thread reply needs it ({@code NotificationActivities.postUpdate}): the report,
   * the runbook menu, the holds, the alert and the classification's evidence are the card's and are
   * left out, so each reply's recorded input stays small. An Argo suspend gate's card is kept
   * whole: its replies are rendered from its facts.
   */
  public IncidentCard forReply() {
    if (ArgoGateCards.is(this)) {
      return this;
    }
    return new IncidentCard(
        incidentId,
        workflowId,
        service,
        "",
        requesterId,
        classification == null ? null : classification.forReply(),
        gate,
        List.of(),
        outcome,
        outcomeDetail,
        null,
        List.of());
  }

  /** The same card showing the alert that started the incident (null: none). */
  public IncidentCard withAlert(AlertFacts newAlert) {
    return new IncidentCard(
        incidentId,
        workflowId,
        service,
        text,
        requesterId,
        classification,
        gate,
        choices,
        outcome,
        outcomeDetail,
        newAlert,
        holds);
  }

  /** The same card with the gate moved on. */
  public IncidentCard withGate(GateView newGate) {
    return new IncidentCard(
        incidentId,
        workflowId,
        service,
        text,
        requesterId,
        classification,
        newGate,
        choices,
        outcome,
        outcomeDetail,
        alert,
        holds);
  }

  /** The same card offering {@code newChoices} to pick from. */
  public IncidentCard withChoices(List<RunbookChoice> newChoices) {
    return new IncidentCard(
        incidentId,
        workflowId,
        service,
        text,
        requesterId,
        classification,
        gate,
        newChoices,
        outcome,
        outcomeDetail,
        alert,
        holds);
  }

  /** The same card with a new classification (a changed proposal). */
  public IncidentCard withClassification(Classification c) {
    return new IncidentCard(
        incidentId,
        workflowId,
        service,
        text,
        requesterId,
        c,
        gate,
        choices,
        outcome,
        outcomeDetail,
        alert,
        holds);
  }

  /** The same card showing how the incident ended. */
  public IncidentCard withOutcome(Outcome newOutcome, String detail) {
    return new IncidentCard(
        incidentId,
        workflowId,
        service,
        text,
        requesterId,
        classification,
        gate,
        choices,
        newOutcome,
        detail,
        alert,
        holds);
  }

  /** The same card showing the rails that hold the incident. */
  public IncidentCard withHolds(List<Hold> newHolds) {
    return new IncidentCard(
        incidentId,
        workflowId,
        service,
        text,
        requesterId,
        classification,
        gate,
        choices,
        outcome,
        outcomeDetail,
        alert,
        newHolds);
  }
}
