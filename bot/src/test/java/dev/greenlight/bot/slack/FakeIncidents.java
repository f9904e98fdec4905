package dev.greenlight.bot.slack;

import dev.greenlight.api.AuditEntry;
import dev.greenlight.api.CardRef;
import dev.greenlight.api.Decision;
import dev.greenlight.api.IncidentRequest;
import dev.greenlight.api.IncidentSummary;
import dev.greenlight.api.Refusal;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A hand-written stand-in for Temporal behind {@link Incidents}: it answers signals as the test
 * says and records everything the bot asked of it, in order.
 */
final class FakeIncidents implements Incidents {
  /** A decision the bot signalled. */
  record Signal(String workflowId, Decision decision) {}

  /** A refused click the bot noted in the timeline. */
  record Note(String workflowId, Decision decision, Refusal.Reason reason) {}

  /** The names of the methods the bot called, in order. */
  final List<String> calls = new CopyOnWriteArrayList<>();

  final List<Signal> signals = new CopyOnWriteArrayList<>();
  final List<Note> notes = new CopyOnWriteArrayList<>();

  private volatile SignalResult signalResult = SignalResult.DELIVERED;
  private volatile Runnable onSignal = () -> {};
  private volatile List<String> decidedBy = List.of();

  /** How every signal ends. */
  FakeIncidents answering(SignalResult result) {
    this.signalResult = result;
    return this;
  }

  /** Who decided the gate of an ended incident, as its result would say. */
  FakeIncidents decidedBy(List<String> people) {
    this.decidedBy = List.copyOf(people);
    return this;
  }

  private volatile boolean unknown;

  /** Temporal has no record at all of the incidents (lost with an in-memory server). */
  FakeIncidents unknown() {
    this.unknown = true;
    return this;
  }

  @Override
  public boolean unknown(String workflowId) {
    calls.add("unknown");
    return unknown;
  }

  @Override
  public String unknownText(String incidentId, boolean fromCard) {
    return LostIncident.text(incidentId, true, fromCard);
  }

  /** Runs when a signal arrives, before it is answered. */
  FakeIncidents onSignal(Runnable hook) {
    this.onSignal = hook;
    return this;
  }

  private volatile java.util.function.Supplier<StartResult> onStart =
      () -> {
        throw new UnsupportedOperationException("this test starts no incident");
      };

  /** How every start ends (a result, or a thrown {@link TemporalUnreachable}). */
  FakeIncidents starting(java.util.function.Supplier<StartResult> how) {
    this.onStart = how;
    return this;
  }

  @Override
  public StartResult start(IncidentRequest request) {
    calls.add("start");
    return onStart.get();
  }

  @Override
  public SignalResult signal(String workflowId, Decision decision) {
    calls.add("signal");
    onSignal.run();
    signals.add(new Signal(workflowId, decision));
    return signalResult;
  }

  @Override
  public List<String> decidedBy(String workflowId) {
    calls.add("decidedBy");
    return decidedBy;
  }

  @Override
  public void noteRefusal(String workflowId, Decision decision, Refusal refusal) {
    calls.add("noteRefusal");
    notes.add(new Note(workflowId, decision, refusal.reason()));
  }

  @Override
  public Optional<List<AuditEntry>> audit(String incidentId) {
    calls.add("audit");
    throw new UnsupportedOperationException("no test here reads a timeline");
  }

  @Override
  public SignalResult resetBreaker(String workflowId, String userId, CardRef card, String clickId) {
    calls.add("resetBreaker");
    return signalResult;
  }

  @Override
  public List<IncidentSummary> open(int limit) {
    calls.add("open");
    return List.of();
  }

  @Override
  public Optional<IncidentSummary> summary(String incidentId) {
    calls.add("summary");
    return Optional.empty();
  }
}
