package dev.greenlight.intake;

import dev.greenlight.intake.IntakeState.Entry;
import dev.greenlight.intake.IntakeState.Kind;
import dev.greenlight.intake.IntakeState.Open;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The intake's bookkeeping: the open alert incidents (oldest first), which alerts joined which, and
 * the audit of its decisions. Pure; the intake workflow owns one and hands it over on continue-as
 * new.
 */
final class IntakeBook {
  private final Map<String, Open> open = new LinkedHashMap<>();
  private final Deque<Entry> audit = new ArrayDeque<>();

  IntakeBook(IntakeState state) {
    state.open().forEach(o -> open.put(o.incidentId(), o));
    audit.addAll(state.audit());
  }

  IntakeState state() {
    return new IntakeState(List.copyOf(open.values()), List.copyOf(audit));
  }

  int openCount() {
    return open.size();
  }

  boolean isOpen(String incidentId) {
    return open.containsKey(incidentId);
  }

  /** The open incidents of a service, oldest first. */
  List<Open> openOf(String service) {
    return open.values().stream().filter(o -> o.service().equals(service)).toList();
  }

  /** The open incident an alert with this key joined, if any. */
  Optional<String> joinedTo(String key) {
    return open.values().stream()
        .filter(o -> o.joined().contains(key))
        .map(Open::incidentId)
        .findFirst();
  }

  void opened(String incidentId, String service, long atMillis) {
    open.put(incidentId, new Open(incidentId, service, atMillis, List.of()));
  }

  void join(String incidentId, String key) {
    open.computeIfPresent(incidentId, (id, o) -> o.withJoined(key, true));
  }

  void unjoin(String incidentId, String key) {
    open.computeIfPresent(incidentId, (id, o) -> o.withJoined(key, false));
  }

  /** Forgets an incident; true when it was counted. */
  boolean closed(String incidentId) {
    return open.remove(incidentId) != null;
  }

  /**
   * Brings the book in line with Temporal's listing: incidents listed but not counted are counted
   * (started by code before the intake), counted ones the listing lacks are forgotten once they are
   * older than {@code graceMillis} (a listing may lag a start by a moment). Each change is audited.
   */
  void reconcile(List<Open> listed, long nowMillis, long graceMillis) {
    for (Open l : listed) {
      if (!open.containsKey(l.incidentId())) {
        open.put(l.incidentId(), l);
        record(nowMillis, Kind.FOUND, l.incidentId(), l.service(), "found open in Temporal");
      }
    }
    for (Open o : new ArrayList<>(open.values())) {
      boolean gone = listed.stream().noneMatch(l -> l.incidentId().equals(o.incidentId()));
      if (gone && nowMillis - o.startedMillis() > graceMillis) {
        open.remove(o.incidentId());
        record(nowMillis, Kind.CLOSED, o.incidentId(), o.service(), "no longer open in Temporal");
      }
    }
  }

  void record(long atMillis, Kind kind, String incidentId, String service, String detail) {
    audit.add(new Entry(atMillis, kind, incidentId, service, detail));
    while (audit.size() > IntakeState.KEPT) {
      audit.removeFirst();
    }
  }

  List<Entry> audit() {
    return List.copyOf(audit);
  }

  List<Open> open() {
    return List.copyOf(open.values());
  }
}
