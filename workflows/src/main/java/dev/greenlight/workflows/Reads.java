package dev.greenlight.workflows;

import dev.greenlight.api.ActionPreview;
import dev.greenlight.api.Classification;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * An incident's read-only steps: its classification, a picked runbook's description and the
 * action's dry run. From version 1 of {@value #CHANGE_ID} they run as local activities first, in
 * the worker and inside the workflow task that asks for them, so an incident reaches its gate (or
 * its action) without a workflow task per read, and, without sticky execution, without a full
 * replay per read. They are read-only and safe to run again, which is what a local activity may do
 * when its worker dies. A retryable failure there goes on as the regular activity, with its longer
 * retries; a permanent one (a bad catalog entry) is the step's answer at once.
 */
final class Reads {
  /** The {@code Workflow.getVersion} change that made the reads local. */
  static final String CHANGE_ID = "local-reads";

  private static final Logger log = Workflow.getLogger(Reads.class);

  private final IncidentActivities act;
  private Boolean local;

  Reads(IncidentActivities act) {
    this.act = act;
  }

  Classification classify(String service, String incidentId, String text) {
    return read(
        "the classification",
        () -> act.localClassify.classify(service, incidentId, text),
        () -> act.classify.classify(service, incidentId, text));
  }

  Classification describe(String runbookId, String service, String incidentId) {
    return read(
        "the runbook's description",
        () -> act.localClassify.describe(runbookId, service, incidentId),
        () -> act.classify.describe(runbookId, service, incidentId));
  }

  ActionPreview preview(String workflowId, String incidentId, String runbookId, String service) {
    return read(
        "the dry run",
        () -> act.localPreview.preview(workflowId, incidentId, runbookId, service),
        () -> act.preview.preview(workflowId, incidentId, runbookId, service));
  }

  private <T> T read(String what, Supplier<T> inWorker, Supplier<T> regular) {
    if (!local()) {
      return regular.get();
    }
    try {
      return inWorker.get();
    } catch (ActivityFailure e) {
      if (permanent(e)) {
        throw e;
      }
      log.warn(
          "Reading {} in the worker failed, retrying as an activity: {}", what, e.getMessage());
      return regular.get();
    }
  }

  /** Decided once, at the first read, which is the same step of the workflow in every replay. */
  private boolean local() {
    if (local == null) {
      local = Workflow.getVersion(CHANGE_ID, Workflow.DEFAULT_VERSION, 1) == 1;
    }
    return local;
  }

  /** A failure no retry can mend: marked non-retryable, or one the retry policies never retry. */
  static boolean permanent(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ApplicationFailure af
          && (af.isNonRetryable() || IncidentActivities.DO_NOT_RETRY.equals(af.getType()))) {
        return true;
      }
    }
    return false;
  }
}
