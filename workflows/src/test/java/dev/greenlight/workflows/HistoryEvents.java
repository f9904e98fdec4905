package dev.greenlight.workflows;

import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.common.WorkflowExecutionHistory;
import java.util.List;

/** What the task-count tests read from an incident's history. */
final class HistoryEvents {
  private HistoryEvents() {}

  /** The names of the regular activities the workflow scheduled, in order. */
  static List<String> scheduled(WorkflowExecutionHistory history) {
    return history.getEvents().stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
        .map(HistoryEvent::getActivityTaskScheduledEventAttributes)
        .map(a -> a.getActivityType().getName())
        .toList();
  }

  /** How many events of {@code type} the history holds. */
  static long count(WorkflowExecutionHistory history, EventType type) {
    return count(history.getEvents(), type);
  }

  /** How many of {@code events} are of {@code type}. */
  static long count(List<HistoryEvent> events, EventType type) {
    return events.stream().filter(e -> e.getEventType() == type).count();
  }

  /**
   * Completed workflow tasks before the last marker (the preview-path history: five). The tasks
   * after it are not the incident's: the SDK's test server answers {@code awaitOpenGate}'s {@code
   * gate()} query with a workflow task of its own, recorded in the history.
   */
  static long tasksBeforeTheLastMarker(WorkflowExecutionHistory history) {
    List<HistoryEvent> events = history.getEvents();
    int last = 0;
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).getEventType() == EventType.EVENT_TYPE_MARKER_RECORDED) {
        last = i;
      }
    }
    return count(events.subList(0, last), EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED);
  }
}
