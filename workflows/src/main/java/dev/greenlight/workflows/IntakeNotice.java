package dev.greenlight.workflows;

import dev.greenlight.api.IncidentRequest;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.SignalExternalWorkflowException;
import io.temporal.workflow.Workflow;
import org.slf4j.Logger;

/**
 * An incident the alert intake started tells the intake when it closes, so storm control frees its
 * slot at once. The intake names itself in the memo {@value #MEMO}; incidents without it (started
 * by {@code /remediate}, or before the intake) send nothing, and so do all recorded histories.
 */
public final class IntakeNotice {
  /** The memo key holding the workflow ID of the intake that started the incident. */
  public static final String MEMO = "greenlight-alert-intake";

  /** The {@code Workflow.getVersion} change that added the notice. */
  static final String CHANGE_ID = "alert-intake";

  private static final Logger log = Workflow.getLogger(IntakeNotice.class);

  private IntakeNotice() {}

  /** Signals the intake, if one started this incident; a missing intake changes nothing. */
  static void closed(IncidentRequest request) {
    Object intake = Workflow.getMemo(MEMO, String.class);
    if (!(intake instanceof String id)
        || Workflow.getVersion(CHANGE_ID, Workflow.DEFAULT_VERSION, 1) < 1) {
      return;
    }
    try {
      Workflow.newUntypedExternalWorkflowStub(id).signal("closed", request.incidentId());
    } catch (SignalExternalWorkflowException | ApplicationFailure e) {
      // The SDK reports the server's NOT_FOUND as an ApplicationFailure of this type.
      if (e instanceof ApplicationFailure f
          && (f.getType() == null || !f.getType().startsWith("SIGNAL_EXTERNAL_WORKFLOW"))) {
        throw f;
      }
      log.info(
          "The alert intake {} was not there to hear that {} closed", id, request.incidentId());
    }
  }
}
