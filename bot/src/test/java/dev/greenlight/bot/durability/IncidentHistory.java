package dev.greenlight.bot.durability;

import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import java.util.List;

/** What an incident's workflow history says about where it stands. */
final class IncidentHistory {
  private IncidentHistory() {}

  /**
   * Parked at the gate: the approval timeout's timer has started, every activity scheduled so far
   * has finished, and no workflow task is in flight.
   */
  static boolean parked(List<HistoryEvent> events) {
    if (events.isEmpty()) {
      return false;
    }
    long count = events.stream().filter(e -> is(e, EventType.EVENT_TYPE_TIMER_STARTED)).count();
    long scheduled =
        events.stream().filter(e -> is(e, EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)).count();
    long finished =
        events.stream()
            .filter(
                e ->
                    is(e, EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED)
                        || is(e, EventType.EVENT_TYPE_ACTIVITY_TASK_FAILED)
                        || is(e, EventType.EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT))
            .count();
    EventType last = events.get(events.size() - 1).getEventType();
    // A workflow task's commands (the timer, the local notifications' markers) come after its
    // completion: any of them last means no task is in flight.
    return count > 0
        && scheduled == finished
        && (last == EventType.EVENT_TYPE_TIMER_STARTED
            || last == EventType.EVENT_TYPE_MARKER_RECORDED
            || last == EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED);
  }

  private static boolean is(HistoryEvent e, EventType type) {
    return e.getEventType() == type;
  }

  /** Whether the history records a signal (a decision from the bot). */
  static boolean signalled(List<HistoryEvent> events) {
    return events.stream().anyMatch(e -> is(e, EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED));
  }
}
