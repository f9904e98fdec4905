package dev.greenlight.workflows;

import dev.greenlight.api.ActionResult;
import dev.greenlight.api.AuditEntry.Kind;
import dev.greenlight.api.CardRef;
import dev.greenlight.api.Classification;
import dev.greenlight.api.Decision;
import dev.greenlight.api.GateRule;
import dev.greenlight.api.GateState;
import dev.greenlight.api.IncidentRequest;
import dev.greenlight.api.IncidentResult;
import dev.greenlight.api.Principal;
import dev.greenlight.api.Refusal;
import dev.greenlight.api.UndoOffer;
import dev.greenlight.api.UndoPlan;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Undo, after an action that has an inverse ({@code kubernetes} scale and rollback): the thread
 * offers it for the catalog's window, behind a gate of the original tier's rule (its approvers,
 * quorum and separation of duties); the action's own result says what to restore. Every click is
 * judged on this state, never on what the payload says. Version 1 of {@value #CHANGE_ID}; older
 * incidents offer no Undo.
 */
final class UndoWindow {
  /** The {@link Workflow#getVersion} change that offers Undo. */
  static final String CHANGE_ID = "undo";

  private static final Refusal NOT_THIS_MESSAGE = new Refusal(Refusal.Reason.STALE_CARD, List.of());

  private final Incident incident;
  private final Gate gate = new Gate();
  private final Deque<Decision> inbox = new ArrayDeque<>();
  private final Set<String> seenClicks = new HashSet<>();
  private List<Principal> principals = List.of();
  private UndoPlan plan;
  private CardRef message;
  private UndoOffer.State state = UndoOffer.State.OFFERED;
  private String detail;

  UndoWindow(Incident incident) {
    this.incident = incident;
  }

  /** Whether {@code d} is a click on this Undo (its nonce) rather than on the incident's gate. */
  boolean claims(Decision d) {
    return gate.nonce() != null && gate.nonce().equals(d.nonce());
  }

  /** Signal side: queue the click; the workflow thread judges it. */
  void offer(Decision d) {
    inbox.add(d);
  }

  /**
   * Offers the Undo of {@code done} when it has one, waits for its approval or the end of its
   * window, and runs it once approved. Returns {@code result}, the incident's own outcome: the
   * timeline records what the Undo did.
   */
  IncidentResult after(Classification proposal, ActionResult done, IncidentResult result) {
    plan = done.undo();
    if (plan == null || plan.windowSeconds() <= 0) {
      return result;
    }
    if (Workflow.getVersion(CHANGE_ID, Workflow.DEFAULT_VERSION, 1) == Workflow.DEFAULT_VERSION) {
      return result;
    }
    if (incident.cardRef() == null) {
      incident.audit(Kind.GATE_CLOSED, null, "undo not offered: the card could not be posted");
      return result;
    }
    open(proposal);
    message = post();
    if (message == null) {
      return result;
    }
    awaitClicks();
    if (gate.state() == GateState.APPROVED) {
      run(proposal);
    } else {
      state = UndoOffer.State.EXPIRED;
      incident.audit(Kind.GATE_CLOSED, null, "undo window passed: " + plan.description());
    }
    update();
    while (!inbox.isEmpty()) {
      click(inbox.poll()); // answered, not lost
    }
    incident.settle();
    return result;
  }

  /** The original tier's rule and approvers, open for the plan's window, without a ladder. */
  private void open(Classification proposal) {
    principals = incident.policy().approversFor(proposal.runbookId());
    GateRule tier = incident.rule(proposal.risk());
    gate.open(
        Workflow.randomUUID().toString(),
        new GateRule(tier.required(), tier.selfApproval(), plan.windowSeconds(), List.of()),
        incident.request().requesterId(),
        resolve(),
        Principal.anyGroup(principals),
        incident.now());
    incident.audit(
        Kind.GATE_OPENED,
        null,
        "undo ("
            + plan.description()
            + ") for "
            + Duration.ofSeconds(plan.windowSeconds()).toMinutes()
            + " min: "
            + gate.view().required()
            + " of "
            + String.join(", ", gate.approvers()));
  }

  private void awaitClicks() {
    while (gate.isOpen()) {
      long now = Workflow.currentTimeMillis();
      long deadline = gate.view().deadlineMillis();
      if (inbox.isEmpty() && deadline > now) {
        Workflow.await(Duration.ofMillis(deadline - now), () -> !inbox.isEmpty());
      }
      while (!inbox.isEmpty() && gate.isOpen()) {
        click(inbox.poll());
      }
      if (gate.isOpen() && Workflow.currentTimeMillis() >= deadline) {
        gate.expire(Workflow.currentTimeMillis());
      }
    }
  }

  private void click(Decision d) {
    if (d.clickId() != null && !seenClicks.add(d.clickId() + "/" + d.userId())) {
      return;
    }
    if (gate.view().viaGroups() && gate.isOpen() && !gate.approvers().contains(d.userId())) {
      gate.setApprovers(resolve()); // membership may have changed since the offer
    }
    Optional<Refusal> refusal =
        d.card() == null || !d.card().equals(message)
            ? Optional.of(NOT_THIS_MESSAGE)
            : d.verdict() != Decision.Verdict.APPROVE
                ? Optional.of(new Refusal(Refusal.Reason.BAD_CHOICE, List.of()))
                : gate.accept(d, Workflow.currentTimeMillis());
    if (refusal.isPresent()) {
      incident.audit(Kind.CLICK_REFUSED, d.userId(), "undo refused: " + refusal.get().reason());
      incident.tell(d.userId(), refusal.get());
      return;
    }
    incident.audit(Kind.CLICK_ACCEPTED, d.userId(), "undo: " + plan.description());
    if (gate.isOpen()) {
      update();
    }
  }

  private void run(Classification proposal) {
    state = UndoOffer.State.RUNNING;
    update();
    IncidentRequest r = incident.request();
    try {
      ActionResult undone =
          incident
              .activities()
              .remediate
              .undo(incident.workflowId(), r.incidentId(), proposal.runbookId(), r.service(), plan);
      state = UndoOffer.State.UNDONE;
      detail = undone.summary();
      incident.audit(
          Kind.ACTION,
          String.join(", ", gate.view().approvals()),
          "undo: " + undone.summary() + ", idempotency key " + undone.idempotencyKey());
    } catch (ActivityFailure e) {
      state = UndoOffer.State.FAILED;
      detail = Incident.rootMessage(e);
      incident.audit(Kind.ACTION, null, "undo failed: " + detail);
    }
  }

  private UndoOffer view() {
    return new UndoOffer(
        incident.workflowId(),
        plan.description(),
        state,
        gate.isOpen() ? gate.nonce() : null,
        gate.view().deadlineMillis(),
        gate.view().required(),
        gate.view().approvals(),
        detail);
  }

  /** Posts the offer in the thread; null (and recorded) when Slack could not be told. */
  private CardRef post() {
    try {
      return incident.activities().notify.offerUndo(incident.cardRef(), incident.card(), view());
    } catch (ActivityFailure e) {
      incident.audit(
          Kind.NOTIFICATION_FAILED,
          null,
          "Slack was not told the Undo offer (none is offered): " + Incident.rootMessage(e));
      return null;
    }
  }

  private void update() {
    try {
      incident.activities().notify.updateUndo(message, incident.card(), view());
    } catch (ActivityFailure e) {
      incident.audit(
          Kind.NOTIFICATION_FAILED,
          null,
          "Slack was not told an Undo update: " + Incident.rootMessage(e));
    }
  }

  private List<String> resolve() {
    return Principal.anyGroup(principals)
        ? incident.activities().directory.resolveApprovers(principals)
        : Principal.ids(principals);
  }
}
