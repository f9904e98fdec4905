package dev.greenlight.activities;

import dev.greenlight.action.HttpActionExecutor;
import dev.greenlight.action.ProbePoller;
import dev.greenlight.api.ActionResult;
import dev.greenlight.api.Proposal;
import dev.greenlight.api.VerificationResult;
import dev.greenlight.config.GreenlightConfig;
import dev.greenlight.config.HttpAction;
import dev.greenlight.config.Runbook;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs catalog actions over HTTP and polls their probes. */
public final class RemediationActivitiesImpl implements RemediationActivities {
  private static final Logger log = LoggerFactory.getLogger(RemediationActivitiesImpl.class);

  private final GreenlightConfig config;
  private final HttpActionExecutor executor;
  private final ProbePoller poller;

  public RemediationActivitiesImpl(GreenlightConfig config, OkHttpClient http) {
    this.config = config;
    this.executor = new HttpActionExecutor(http);
    this.poller = new ProbePoller(http);
  }

  @Override
  public ActionResult remediate(
      String workflowId, String incidentId, String runbookId, String service, String proposalHash) {
    Runbook runbook = runbook(runbookId);
    if (proposalHash != null) {
      String now =
          Proposal.hash(
              runbookId, runbook.label(), runbook.action().describe(vars(service, incidentId)));
      if (!now.equals(proposalHash)) {
        throw ApplicationFailure.newNonRetryableFailure(
            "runbook " + runbookId + " changed since it was approved; nothing was sent",
            "ProposalChanged");
      }
    }
    String key = workflowId + ":" + runbookId;
    int status;
    try {
      status =
          executor.send(
              (dev.greenlight.config.HttpAction) runbook.action(), vars(service, incidentId), key);
    } catch (IOException e) {
      // Retryable: the idempotency key makes a repeat harmless.
      throw ApplicationFailure.newFailure(
          "action " + runbookId + " failed: " + e.getMessage(), "ActionIOError");
    }
    log.info(
        "Incident {}: action {} answered HTTP {} (idempotency key {})",
        incidentId,
        runbookId,
        status,
        key);
    if (status >= 500) {
      throw ApplicationFailure.newFailure(
          "action " + runbookId + " answered HTTP " + status, "ActionServerError");
    }
    if (status >= 300) {
      throw ApplicationFailure.newNonRetryableFailure(
          "action " + runbookId + " was refused with HTTP " + status, "ActionRefused");
    }
    return new ActionResult(HttpAction.TYPE, "HTTP " + status, key);
  }

  @Override
  public VerificationResult verify(String incidentId, String runbookId, String service) {
    Runbook runbook = runbook(runbookId);
    try {
      return poller.poll(
          (dev.greenlight.config.Probe) runbook.verify(),
          vars(service, incidentId),
          Activity.getExecutionContext()::heartbeat);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApplicationFailure.newFailure("verification interrupted", "Interrupted");
    }
  }

  private Runbook runbook(String runbookId) {
    return config
        .runbook(runbookId)
        .orElseThrow(
            () ->
                ApplicationFailure.newNonRetryableFailure(
                    "runbook '" + runbookId + "' is not in the catalog", "UnknownRunbook"));
  }

  private Map<String, String> vars(String service, String incidentId) {
    if (!config.knowsService(service)) {
      throw ApplicationFailure.newNonRetryableFailure(
          "service '" + service + "' is not in the catalog's services", "UnknownService");
    }
    return Map.of("service", service, "incident", incidentId);
  }
}
