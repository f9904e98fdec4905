package dev.greenlight.workflows;

import static dev.greenlight.api.ThreadUpdate.Step.HELD;

import dev.greenlight.api.AuditEntry.Kind;
import dev.greenlight.api.Classification;
import dev.greenlight.api.FreezeWindow;
import dev.greenlight.api.Hold;
import dev.greenlight.api.RailsPolicy;
import dev.greenlight.api.Risk;
import dev.greenlight.rails.FreezeCalendar;
import io.temporal.workflow.Async;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A change freeze that begins while an incident waits at its approval gate applies to that gate:
 * the card says "change freeze until …", and a high-risk proposal needs one approver more or is
 * refused (per {@code rails.freeze.high-risk}). A durable timer waits for the next window's start;
 * the gate closing first ends the watch. Version 1 of {@link #CHANGE_ID}: incidents recorded before
 * it (and gates routed inside a freeze, which already follow it) watch nothing.
 */
final class FreezeWatch {
  /** The {@code Workflow.getVersion} change that re-checks the freeze while a gate waits. */
  static final String CHANGE_ID = "freeze-while-waiting";

  private final Incident incident;
  private final Rails rails;

  FreezeWatch(Incident incident, Rails rails) {
    this.incident = incident;
    this.rails = rails;
  }

  /** Call right after an approval gate opened for {@code proposal}. */
  void watch(Classification proposal) {
    RailsPolicy policy = incident.policy().rails();
    if (!proposal.matched()
        || policy.freezes().isEmpty()
        || !rails.applies()
        || rails.hold(Hold.Kind.FREEZE).isPresent()
        || Workflow.getVersion(CHANGE_ID, Workflow.DEFAULT_VERSION, 1) < 1) {
      return;
    }
    String nonce = incident.gate().nonce();
    Async.procedure(() -> await(proposal, nonce, policy.freezes()));
  }

  private boolean waiting(String nonce) {
    Gate gate = incident.gate();
    return gate.isOpen() && nonce.equals(gate.nonce());
  }

  private void await(Classification proposal, String nonce, List<FreezeWindow> windows) {
    Optional<Long> next = FreezeCalendar.nextStart(incident.now(), windows);
    if (next.isEmpty()) {
      return;
    }
    Workflow.await(
        Duration.ofMillis(Math.max(1, next.get() - incident.now())), () -> !waiting(nonce));
    Optional<Hold> freeze = FreezeCalendar.at(incident.now(), windows);
    if (waiting(nonce) && freeze.isPresent()) {
      begin(proposal, freeze.get());
    }
  }

  private void begin(Classification proposal, Hold freeze) {
    rails.addHold(freeze);
    incident.audit(Kind.RAILS, null, "a change freeze began while waiting: " + freeze.detail());
    Gate gate = incident.gate();
    if (proposal.risk() == Risk.HIGH) {
      if (incident.policy().rails().highRiskInFreeze() == RailsPolicy.HighRiskInFreeze.REFUSE) {
        String why = "refused: no high-risk action runs during the " + freeze.detail();
        incident.audit(Kind.RAILS, null, why);
        // The gate's waiter wakes and ends the incident with nothing run (rejected by nobody).
        gate.refuse(why, incident.now());
        return;
      }
      gate.requireMore(1);
      incident.requireExtraApprovers(1);
      String more = "one approver more: high risk during the " + freeze.detail();
      incident.audit(Kind.RAILS, null, more);
      incident.refreshCard();
      incident.say(HELD, null, "A change freeze began while this waits: " + more);
      return;
    }
    incident.refreshCard();
    incident.say(HELD, null, "A change freeze began while this waits: " + freeze.detail());
  }
}
