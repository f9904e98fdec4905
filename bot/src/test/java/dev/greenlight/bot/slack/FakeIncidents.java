package dev.greenlight.bot.slack;

import dev.greenlight.api.AuditEntry;
import dev.greenlight.api.Decision;
import dev.greenlight.api.GateState;
import dev.greenlight.api.GateView;
import dev.greenlight.api.IncidentRequest;
import dev.greenlight.api.Refusal;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A hand-written stand-in for Temporal behind {@link Incidents}: it shows the gate a test sets,
 * answers signals as the test says, and records everything the bot asked of it.
 */
final class FakeIncidents implements Incidents {
  /** A decision the bot signalled. */
  record Signal(String workflowId, Decision decision) {}

  /** A refused click the bot noted in the timeline. */
  record Note(String workflowId, Decision decision, Refusal.Reason reason) {}

  final List<String> gateQueries = new CopyOnWriteArrayList<>();
  final List<Signal> signals = new CopyOnWriteArrayList<>();
  final List<Note> notes = new CopyOnWriteArrayList<>();

  private volatile Optional<GateView> gate = Optional.empty();
  private volatile SignalResult signalResult = SignalResult.DELIVERED;
  private volatile Runnable onSignal = () -> {};

  /** The gate every query shows; empty is a gate no worker answered for. */
  FakeIncidents showing(Optional<GateView> gate) {
    this.gate = gate;
    return this;
  }

  /** How every signal ends. */
  FakeIncidents answering(SignalResult result) {
    this.signalResult = result;
    return this;
  }

  /** Runs when a signal arrives, before it is answered. */
  FakeIncidents onSignal(Runnable hook) {
    this.onSignal = hook;
    return this;
  }

  /** An open gate with nonce {@code nonce}, requested by U0DAVE, that nobody approved yet. */
  static GateView openGate(String nonce, int required, List<String> approvers, boolean viaGroups) {
    return new GateView(
        GateState.OPEN,
        nonce,
        required,
        true,
        "U0DAVE",
        approvers,
        viaGroups,
        List.of(),
        null,
        null,
        0,
        0,
        0);
  }

  @Override
  public StartResult start(IncidentRequest request) {
    throw new UnsupportedOperationException("no test here starts an incident");
  }

  @Override
  public Optional<GateView> gate(String workflowId) {
    gateQueries.add(workflowId);
    return gate;
  }

  @Override
  public SignalResult signal(String workflowId, Decision decision) {
    onSignal.run();
    signals.add(new Signal(workflowId, decision));
    return signalResult;
  }

  @Override
  public void noteRefusal(String workflowId, Decision decision, Refusal refusal) {
    notes.add(new Note(workflowId, decision, refusal.reason()));
  }

  @Override
  public Optional<List<AuditEntry>> audit(String incidentId) {
    throw new UnsupportedOperationException("no test here reads a timeline");
  }
}
