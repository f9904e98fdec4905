package dev.greenlight.workflows;

import static dev.greenlight.api.ThreadUpdate.Step.BREAKER_RESET;
import static dev.greenlight.api.ThreadUpdate.Step.HELD;

import dev.greenlight.api.AuditEntry.Kind;
import dev.greenlight.api.CardRef;
import dev.greenlight.api.Classification;
import dev.greenlight.api.Hold;
import dev.greenlight.api.Outcome;
import dev.greenlight.api.Principal;
import dev.greenlight.api.RailsPolicy;
import dev.greenlight.api.RailsVerdict;
import dev.greenlight.api.Refusal;
import dev.greenlight.api.Risk;
import dev.greenlight.rails.RailsActivities;
import dev.greenlight.workflows.GatePolicy.Route;
import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;

/**
 * The rails on the incident's gate: the runbook's circuit breaker and the change freezes. They only
 * ever make the gate stricter (no auto-approval, one approver more, or a refusal), each decision is
 * in the audit, and the breaker's state is read through an activity (local first since version 2),
 * so a replay decides the same. Incidents whose policy has no rails (all those recorded before
 * them) ask nothing of them.
 */
final class Rails {
  /** The {@code Workflow.getVersion} change that added the rails. */
  static final String CHANGE_ID = "rails";

  private record Reset(String userId, CardRef card, String clickId) {}

  private final Incident incident;
  private final Deque<Reset> resets = new ArrayDeque<>();
  private final Set<String> seenResets = new HashSet<>();
  private static final Logger log = Workflow.getLogger(Rails.class);

  private RailsActivities act;
  private RailsActivities local;
  private RailsVerdict verdict = RailsVerdict.CLEAR;
  private String runbookId;
  private OnDemandThread server;

  Rails(Incident incident) {
    this.incident = incident;
  }

  private RailsPolicy policy() {
    return incident.policy().rails();
  }

  /** Whether the rails apply: configured, and the incident runs on code that has them. */
  boolean applies() {
    return on();
  }

  /** The hold of this kind in force, if any. */
  Optional<Hold> hold(Hold.Kind kind) {
    return verdict.hold(kind);
  }

  /** A rail that began later (a freeze while the gate waits): the card shows it from now on. */
  void addHold(Hold hold) {
    List<Hold> holds = new java.util.ArrayList<>(verdict.holds());
    holds.add(hold);
    verdict = new RailsVerdict(holds);
    incident.hold(verdict.holds());
  }

  private boolean on() {
    return policy().any() && version() >= 1;
  }

  /**
   * 1: the rails, read by a regular activity; 2: read by a local activity first, inside the
   * workflow task that classified the incident, so a gated incident reaches its gate in that one
   * task (without sticky execution, the regular activity cost one more task and a full replay).
   */
  private int version() {
    return Workflow.getVersion(CHANGE_ID, Workflow.DEFAULT_VERSION, 2);
  }

  /**
   * The holds in force. From version 2 in the worker first; a retryable failure there (a breaker
   * still on the incidents' queue whose query found no free slot, say) goes on as the regular
   * activity, with its longer retries.
   */
  private RailsVerdict check(String service, long now) {
    if (version() >= 2) {
      try {
        return localCheck().check(service, runbookId, now, policy());
      } catch (ActivityFailure e) {
        if (Reads.permanent(e)) {
          throw e;
        }
        log.warn(
            "Reading the rails in the worker failed, retrying as an activity: {}", e.getMessage());
      }
    }
    return act().check(service, runbookId, now, policy());
  }

  /**
   * The policy's route with the rails applied: a hold turns auto-approval into a human gate; a
   * high-risk proposal during a freeze needs one approver more, or ends the incident (empty).
   */
  Optional<Route> route(Classification proposal, Route route) {
    if (!proposal.matched() || !on()) {
      return Optional.of(route);
    }
    runbookId = proposal.runbookId();
    try {
      verdict = check(incident.request().service(), incident.now());
    } catch (ActivityFailure e) {
      // Unknown is not clear: a person decides.
      incident.audit(Kind.RAILS, null, "rails could not be read: " + Incident.rootMessage(e));
      return Optional.of(route == Route.AUTO_APPROVE ? Route.HUMAN_GATE : route);
    }
    incident.hold(verdict.holds());
    verdict.holds().forEach(h -> incident.audit(Kind.RAILS, null, h.detail()));
    Optional<Hold> freeze = verdict.hold(Hold.Kind.FREEZE);
    if (freeze.isPresent() && proposal.risk() == Risk.HIGH) {
      if (policy().highRiskInFreeze() == RailsPolicy.HighRiskInFreeze.REFUSE) {
        String why = "refused: no high-risk action runs during the " + freeze.get().detail();
        incident.audit(Kind.RAILS, null, why);
        incident.showCard(proposal);
        incident.say(HELD, null, why);
        incident.end(Outcome.REJECTED, why);
        return Optional.empty();
      }
      incident.requireExtraApprovers(1);
      incident.audit(
          Kind.RAILS, null, "one approver more: high risk during the " + freeze.get().detail());
    }
    if (route == Route.AUTO_APPROVE && !verdict.holds().isEmpty()) {
      incident.audit(Kind.RAILS, null, "auto-approval withheld: " + reasons() + "; HUMAN_GATE");
      return Optional.of(Route.HUMAN_GATE);
    }
    return Optional.of(route);
  }

  /** A failed verification: the runbook's breaker counts it (best effort, recorded). */
  void verificationFailed(Classification proposal) {
    if (!policy().breakerOn() || !proposal.matched() || !on()) {
      return;
    }
    String service = incident.request().service();
    try {
      act()
          .verificationFailed(
              service, proposal.runbookId(), incident.request().incidentId(), incident.now());
      incident.audit(
          Kind.RAILS, null, "breaker of " + proposal.runbookId() + " on " + service + " told");
    } catch (ActivityFailure e) {
      incident.audit(Kind.RAILS, null, "the breaker could not be told: " + Incident.rootMessage(e));
    }
  }

  /** Signal side: an approver asks to reset the breaker from the card. */
  void offerReset(String userId, CardRef card, String clickId) {
    resets.add(new Reset(userId, card, clickId));
    if (server != null) {
      server.wake();
    }
  }

  /**
   * Since {@link Helpers#CHANGE_ID}: a reset request that finds no thread serving starts one, which
   * ends when no request is left, instead of {@link #serveResets} waiting on its own thread for the
   * whole incident.
   */
  void serveResetsOnDemand() {
    server =
        new OnDemandThread(
            () -> {
              while (!resets.isEmpty()) {
                reset(resets.poll());
              }
            });
  }

  /** Runs on its own workflow thread for the whole incident: handles reset requests in order. */
  void serveResets() {
    while (true) {
      Workflow.await(() -> !resets.isEmpty());
      reset(resets.poll());
    }
  }

  private void reset(Reset r) {
    if (r.clickId() != null && !seenResets.add(r.clickId() + "/" + r.userId())) {
      return;
    }
    Optional<Hold> breaker = verdict.hold(Hold.Kind.BREAKER);
    CardRef own = incident.cardRef();
    Refusal.Reason refused = null;
    if (r.card() != null && own != null && !own.equals(r.card())) {
      refused = Refusal.Reason.NOT_THIS_CARD;
    } else if (breaker.isEmpty() || incident.ended()) {
      refused = Refusal.Reason.NO_BREAKER;
    } else if (!mayReset(r.userId())) {
      refused = Refusal.Reason.NOT_AN_APPROVER;
    }
    if (refused != null) {
      incident.audit(Kind.CLICK_REFUSED, r.userId(), "breaker reset refused: " + refused);
      incident.tell(r.userId(), new Refusal(refused, List.of()));
      return;
    }
    String service = incident.request().service();
    try {
      act().resetBreaker(service, runbookId, r.userId(), incident.now());
    } catch (ActivityFailure e) {
      incident.audit(Kind.RAILS, r.userId(), "breaker reset failed: " + Incident.rootMessage(e));
      return;
    }
    verdict =
        new RailsVerdict(
            verdict.holds().stream().filter(h -> h.kind() != Hold.Kind.BREAKER).toList());
    incident.hold(verdict.holds());
    incident.audit(Kind.RAILS, r.userId(), "breaker of " + runbookId + " on " + service + " reset");
    incident.refreshCard();
    incident.say(BREAKER_RESET, r.userId(), runbookId);
  }

  /**
   * Only an approver of this runbook may reset its breaker: the gate's resolved approvers (user
   * groups included), or the runbook's approvers as the incident's policy names them.
   */
  private boolean mayReset(String userId) {
    return incident.gate().approvers().contains(userId)
        || Principal.ids(incident.policy().approversFor(runbookId)).contains(userId);
  }

  private String reasons() {
    return verdict.holds().stream().map(Hold::detail).collect(Collectors.joining("; "));
  }

  private RailsActivities localCheck() {
    if (local == null) {
      local =
          Workflow.newLocalActivityStub(
              RailsActivities.class,
              LocalActivityOptions.newBuilder()
                  .setStartToCloseTimeout(Duration.ofSeconds(5))
                  .setRetryOptions(
                      Retries.of(
                          Duration.ofMillis(500),
                          Duration.ofSeconds(1),
                          2,
                          IncidentActivities.DO_NOT_RETRY))
                  .build());
    }
    return local;
  }

  private RailsActivities act() {
    if (act == null) {
      act =
          Workflow.newActivityStub(
              RailsActivities.class,
              ActivityOptions.newBuilder()
                  .setStartToCloseTimeout(Duration.ofSeconds(30))
                  .setRetryOptions(
                      RetryOptions.newBuilder()
                          .setInitialInterval(Duration.ofSeconds(1))
                          .setMaximumInterval(Duration.ofSeconds(30))
                          .setMaximumAttempts(10)
                          .build())
                  .build());
    }
    return act;
  }
}
