package dev.greenlight.telemetry;

import org.slf4j.MDC;

/**
 * The incident's IDs in the logging context (MDC), so every log line written while Greenlight works
 * on an incident names it: text logs keep their pattern, JSON logs carry the fields {@value
 * #INCIDENT_ID} and {@value #WORKFLOW_ID}.
 */
public final class LogContext implements AutoCloseable {
  /** MDC key of the incident ID ({@code GL-XXXXXXXX}). */
  public static final String INCIDENT_ID = "incidentId";

  /** MDC key of the incident's workflow ID ({@code incident-GL-XXXXXXXX}). */
  public static final String WORKFLOW_ID = "workflowId";

  /** The prefix of every incident's workflow ID. */
  static final String WORKFLOW_PREFIX = "incident-";

  private final String previousIncident;
  private final String previousWorkflow;

  private LogContext() {
    previousIncident = MDC.get(INCIDENT_ID);
    previousWorkflow = MDC.get(WORKFLOW_ID);
  }

  /**
   * Puts the IDs in the MDC until {@link #close}, which restores what was there. A null ID derives
   * from the other one when it can and is otherwise left out.
   */
  public static LogContext of(String incidentId, String workflowId) {
    LogContext context = new LogContext();
    String workflow = workflowId != null ? workflowId : workflowIdOf(incidentId);
    String incident = incidentId != null ? incidentId : incidentIdOf(workflowId);
    put(INCIDENT_ID, incident);
    put(WORKFLOW_ID, workflow);
    return context;
  }

  /**
   * Sets the IDs for the rest of this thread's task (the caller clears them with {@link #clear}).
   */
  public static void set(String incidentId, String workflowId) {
    of(incidentId, workflowId);
  }

  /** Removes both IDs from this thread's MDC. */
  public static void clear() {
    MDC.remove(INCIDENT_ID);
    MDC.remove(WORKFLOW_ID);
  }

  /** {@code GL-X} from {@code incident-GL-X}, or null. */
  public static String incidentIdOf(String workflowId) {
    return workflowId != null && workflowId.startsWith(WORKFLOW_PREFIX)
        ? workflowId.substring(WORKFLOW_PREFIX.length())
        : null;
  }

  private static String workflowIdOf(String incidentId) {
    return incidentId == null ? null : WORKFLOW_PREFIX + incidentId;
  }

  private static void put(String key, String value) {
    if (value != null) {
      MDC.put(key, value);
    }
  }

  @Override
  public void close() {
    restore(INCIDENT_ID, previousIncident);
    restore(WORKFLOW_ID, previousWorkflow);
  }

  private static void restore(String key, String value) {
    if (value == null) {
      MDC.remove(key);
    } else {
      MDC.put(key, value);
    }
  }
}
