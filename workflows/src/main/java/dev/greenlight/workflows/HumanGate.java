package dev.greenlight.workflows;

import static dev.greenlight.api.ThreadUpdate.Step.*;

import dev.greenlight.api.AuditEntry.Kind;
import dev.greenlight.api.CardRef;
import dev.greenlight.api.Classification;
import dev.greenlight.api.Decision;
import dev.greenlight.api.GateRule;
import dev.greenlight.api.GateView;
import dev.greenlight.api.Outcome;
import dev.greenlight.api.PolicySnapshot;
import dev.greenlight.api.Principal;
import dev.greenlight.api.Refusal;
import dev.greenlight.api.Risk;
import dev.greenlight.api.RunbookChoice;
import dev.greenlight.api.ThreadUpdate;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Waits at the gate: counts clicks, climbs the escalation ladder, expires at the deadline. All
 * waiting is durable timers and workflow state.
 */
final class HumanGate {
  private final Incident incident;
  private final Deque<Decision> inbox = new ArrayDeque<>();
  private final Set<String> seenClicks = new HashSet<>();
  private boolean waiting;
  private OnDemandThread answerer;

  HumanGate(Incident incident) {
    this.incident = incident;
  }

  /** Signal side: queue the click; the workflow thread processes it. */
  void offer(Decision d) {
    inbox.add(d);
    if (answerer != null) {
      answerer.wake();
    }
  }

  /**
   * Since {@link Helpers#CHANGE_ID}: instead of {@link #answerStrayClicks} waiting on its own
   * thread for the whole incident, each click that finds no thread answering starts one, which ends
   * when no click is left. A waiting thread is woken on every pass of the workflow's event loop, so
   * an incident that gets no stray click no longer pays for one.
   */
  void answerStrayClicksOnDemand() {
    answerer = new OnDemandThread(this::answerQueuedClicks);
  }

  /** Answers queued clicks while no gate is open; leaves them to {@link #await} while one is. */
  private void answerQueuedClicks() {
    Gate gate = incident.gate();
    while (true) {
      Workflow.await(() -> inbox.isEmpty() || !waiting && !gate.isOpen());
      if (inbox.isEmpty()) {
        return;
      }
      click(gate, inbox.poll(), List.of());
    }
  }

  /** Opens an approval gate for the proposal: its tier's rule, its runbook's approvers. */
  void openApproval(Classification proposal) {
    PolicySnapshot policy = incident.policy();
    List<Principal> principals = policy.approversFor(proposal.runbookId());
    List<String> approvers = resolve(principals);
    Gate gate = incident.gate();
    gate.open(
        Workflow.randomUUID().toString(),
        incident.rule(proposal.risk()),
        incident.request().requesterId(),
        approvers,
        Principal.anyGroup(principals),
        incident.now());
    incident.audit(
        Kind.GATE_OPENED, null, gate.view().required() + " of " + String.join(", ", approvers));
  }

  /**
   * Nothing matched: the card offers the catalog, and an approver picks a runbook or closes the
   * incident. Returns the picked runbook's ID; empty when the incident ended here.
   */
  Optional<String> awaitPick(Classification unmatched) {
    PolicySnapshot policy = incident.policy();
    List<String> approvers = resolve(policy.approvers());
    Gate gate = incident.gate();
    gate.openChoice(
        Workflow.randomUUID().toString(),
        policy.rule(Risk.MEDIUM),
        incident.request().requesterId(),
        approvers,
        Principal.anyGroup(policy.approvers()),
        policy.runbooks().stream().map(RunbookChoice::id).toList(),
        incident.now());
    incident.audit(Kind.GATE_OPENED, null, "pick a runbook: " + String.join(", ", approvers));
    incident.showCard(unmatched, policy.runbooks());
    incident.say(CHOOSE_RUNBOOK, incident.onCall(), null);
    await(policy.approvers());
    incident.offerChoices(List.of());
    GateView v = gate.view();
    switch (gate.state()) {
      case PICKED -> {
        incident.say(RUNBOOK_PICKED, gate.pickedBy(), gate.picked());
        return Optional.of(gate.picked());
      }
      case RESOLVED -> {
        AlertWatch.endAtGate(incident);
        return Optional.empty();
      }
      case REJECTED -> {
        incident.say(CLOSED, v.rejectedBy(), v.rejectReason());
        incident.end(Outcome.NO_RUNBOOK, "closed by " + v.rejectedBy());
        return Optional.empty();
      }
      default -> {
        incident.say(EXPIRED, null, null);
        incident.end(Outcome.EXPIRED, "nobody picked a runbook in time");
        return Optional.empty();
      }
    }
  }

  /** Waits until the gate is approved, rejected or expired. */
  void await(List<Principal> principals) {
    waiting = true;
    try {
      awaitDecision(incident.gate(), principals);
    } finally {
      waiting = false;
    }
  }

  /**
   * Runs on its own workflow thread for the whole incident: a click that arrives while no gate is
   * open (after it closed, or between gates) is answered with why it did not count. Clicks on an
   * open gate are left to {@link #await}, even before it starts waiting.
   */
  void answerStrayClicks() {
    Gate gate = incident.gate();
    while (true) {
      Workflow.await(() -> !waiting && !gate.isOpen() && !inbox.isEmpty());
      click(gate, inbox.poll(), List.of());
    }
  }

  /** Whether clicks are waiting that no thread has answered yet. */
  boolean hasLeftClicks() {
    return !inbox.isEmpty();
  }

  /** Answers every click still waiting (the incident is ending: no gate will open again). */
  void answerLeftClicks() {
    while (!inbox.isEmpty()) {
      click(incident.gate(), inbox.poll(), List.of());
    }
  }

  private void awaitDecision(Gate gate, List<Principal> principals) {
    GateRule rule = gate.rule();
    long opened = Workflow.currentTimeMillis();
    List<GateRule.Escalation> ladder = new ArrayList<>(rule.ladder());
    while (gate.isOpen()) {
      long now = Workflow.currentTimeMillis();
      long deadline = gate.view().deadlineMillis();
      long next = deadline;
      if (!ladder.isEmpty()) {
        long due =
            Math.max(
                opened + ladder.get(0).afterSeconds() * 1000, gate.view().snoozedUntilMillis());
        next = Math.min(next, due);
      }
      if (inbox.isEmpty() && next > now) {
        // The gate may also close without a click: the incident's alert resolved (AlertWatch).
        Workflow.await(
            Duration.ofMillis(Math.max(1, next - now)), () -> !inbox.isEmpty() || !gate.isOpen());
      }
      while (!inbox.isEmpty() && gate.isOpen()) {
        click(gate, inbox.poll(), principals);
      }
      now = Workflow.currentTimeMillis();
      if (gate.isOpen() && now >= deadline) {
        gate.expire(now);
        incident.audit(Kind.GATE_CLOSED, null, "expired: no decision before the deadline");
      } else if (gate.isOpen() && !ladder.isEmpty()) {
        long due =
            Math.max(
                opened + ladder.get(0).afterSeconds() * 1000, gate.view().snoozedUntilMillis());
        if (now >= due) {
          escalate(gate, ladder.remove(0));
        }
      }
    }
    // Clicks that arrive after the gate closed are answered, not lost.
    while (!inbox.isEmpty()) {
      click(gate, inbox.poll(), principals);
    }
  }

  private void click(Gate gate, Decision d, List<Principal> principals) {
    if (d.clickId() != null && !seenClicks.add(d.clickId() + "/" + d.userId())) {
      return;
    }
    if (gate.view().viaGroups() && gate.isOpen() && !gate.approvers().contains(d.userId())) {
      // Group membership may have changed since the gate opened: look again once per unknown
      // clicker.
      gate.setApprovers(incident.activities().directory.resolveApprovers(principals));
    }
    long now = Workflow.currentTimeMillis();
    Optional<Refusal> refusal =
        fromAnotherMessage(d) ? Optional.of(NOT_THIS_CARD) : gate.accept(d, now);
    if (refusal.isPresent()) {
      incident.audit(
          Kind.CLICK_REFUSED, d.userId(), d.verdict() + " refused: " + refusal.get().reason());
      incident.tell(d.userId(), refusal.get());
      return;
    }
    incident.audit(
        Kind.CLICK_ACCEPTED,
        d.userId(),
        d.verdict() + (d.reason() == null ? "" : ": " + d.reason()));
    if (d.verdict() == Decision.Verdict.SNOOZE) {
      incident.refreshCard();
      incident.say(new ThreadUpdate(SNOOZED, d.userId(), d.snoozeMinutes() + " minutes"));
    } else if (gate.isOpen()) {
      incident.refreshCard();
      GateView v = gate.view();
      incident.say(
          new ThreadUpdate(
              APPROVAL_RECORDED, d.userId(), v.approvals().size() + " of " + v.required()));
    } else {
      incident.audit(Kind.GATE_CLOSED, d.userId(), gate.state().name());
    }
  }

  private static final Refusal NOT_THIS_CARD = new Refusal(Refusal.Reason.NOT_THIS_CARD, List.of());

  /**
   * Whether the click came from a message other than the incident's card: Slack says where a click
   * came from, and only the card this workflow posted may decide (clicks recorded before the card
   * was carried have none and are judged as before).
   */
  private boolean fromAnotherMessage(Decision d) {
    CardRef own = incident.cardRef();
    return d.card() != null && own != null && !own.equals(d.card());
  }

  private List<String> resolve(List<Principal> principals) {
    return Principal.anyGroup(principals)
        ? incident.activities().directory.resolveApprovers(principals)
        : Principal.ids(principals);
  }

  private void escalate(Gate gate, GateRule.Escalation step) {
    List<String> people = new ArrayList<>();
    if (step.approvers()) {
      // Those who approved already are not reminded, nor the requester where they may not approve.
      GateView v = gate.view();
      people.addAll(
          gate.approvers().stream()
              .filter(a -> !v.approvals().contains(a))
              .filter(a -> v.selfApproval() || !a.equals(v.requester()))
              .toList());
    }
    if (step.onCall()) {
      people.add(incident.onCall());
    }
    people.addAll(Principal.ids(step.others()));
    boolean reminder = step.approvers() && !step.onCall() && step.others().isEmpty();
    incident.audit(reminder ? Kind.REMINDER : Kind.ESCALATION, null, String.join(", ", people));
    incident.say(new ThreadUpdate(reminder ? REMINDER : ESCALATION, null, null, people));
  }
}
