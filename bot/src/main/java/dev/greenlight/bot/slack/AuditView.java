package dev.greenlight.bot.slack;

import dev.greenlight.api.AuditEntry;
import dev.greenlight.workflows.RemediationWorkflow;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** {@code /remediate audit <incident>}: the timeline, read from the workflow (no second store). */
final class AuditView {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private AuditView() {}

  static String render(WorkflowClient temporal, String incidentId) {
    List<AuditEntry> entries;
    try {
      entries =
          temporal
              .newWorkflowStub(
                  RemediationWorkflow.class, RemediationWorkflow.workflowId(incidentId))
              .audit();
    } catch (WorkflowNotFoundException e) {
      return "No incident " + incidentId + " is known to Greenlight.";
    } catch (RuntimeException e) {
      if (e.getCause() instanceof StatusRuntimeException s
          && s.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return "No incident " + incidentId + " is known to Greenlight.";
      }
      return ":warning: Could not read incident "
          + incidentId
          + " ("
          + SlackText.escape(e.getClass().getSimpleName())
          + "); is a worker running?";
    }
    StringBuilder out = new StringBuilder("*Timeline of incident " + incidentId + "*\n");
    for (AuditEntry e : entries) {
      out.append("• `")
          .append(TIME.format(Instant.ofEpochMilli(e.atMillis())))
          .append("` ")
          .append(e.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
      if (e.actor() != null) {
        out.append(" — ").append(SlackText.mention(e.actor()));
      }
      if (e.detail() != null && !e.detail().isEmpty()) {
        out.append(": ").append(SlackText.code(e.detail()));
      }
      out.append('\n');
    }
    return out.toString();
  }
}
