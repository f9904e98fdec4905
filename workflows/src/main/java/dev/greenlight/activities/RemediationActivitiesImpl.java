package dev.greenlight.activities;

import dev.greenlight.action.ActionContext;
import dev.greenlight.action.ActionFailure;
import dev.greenlight.action.ActionKinds;
import dev.greenlight.action.Heartbeat;
import dev.greenlight.api.ActionPreview;
import dev.greenlight.api.ActionResult;
import dev.greenlight.api.Proposal;
import dev.greenlight.api.UndoPlan;
import dev.greenlight.api.VerificationResult;
import dev.greenlight.config.GreenlightConfig;
import dev.greenlight.config.Runbook;
import dev.greenlight.telemetry.LogContext;
import dev.greenlight.telemetry.Meters;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.failure.ApplicationFailure;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs catalog actions and verifications with the kinds in {@link ActionKinds}, and turns their
 * outcomes into Temporal failures of the types named in {@link RemediationActivities}.
 */
public final class RemediationActivitiesImpl implements RemediationActivities {
  private static final Logger log = LoggerFactory.getLogger(RemediationActivitiesImpl.class);
  private static final String INTERRUPTED = "Interrupted";

  private final GreenlightConfig config;
  private final ActionKinds kinds;
  private final MeterRegistry meters;

  /**
   * @throws dev.greenlight.config.ConfigException when a runbook names an action or verify type
   *     that {@code kinds} cannot run, naming the runbook and the type
   */
  public RemediationActivitiesImpl(GreenlightConfig config, ActionKinds kinds) {
    this(config, kinds, Meters.global());
  }

  /**
   * As {@link #RemediationActivitiesImpl(GreenlightConfig, ActionKinds)}, counting into {@code
   * meters}.
   */
  public RemediationActivitiesImpl(
      GreenlightConfig config, ActionKinds kinds, MeterRegistry meters) {
    kinds.requireAll(config.runbooks());
    this.config = config;
    this.kinds = kinds;
    this.meters = meters;
  }

  @Override
  public ActionResult remediate(
      String workflowId, String incidentId, String runbookId, String service, String proposalHash) {
    try (LogContext ignored = LogContext.of(incidentId, workflowId)) {
      Runbook runbook = runbook(runbookId);
      String kind = runbook.action().type();
      try {
        ActionResult result = remediate(workflowId, incidentId, runbook, service, proposalHash);
        count(Meters.ACTION_RESULTS, kind, "ok");
        return result;
      } catch (ApplicationFailure e) {
        count(Meters.ACTION_RESULTS, kind, e.getType());
        throw e;
      }
    }
  }

  private ActionResult remediate(
      String workflowId, String incidentId, Runbook runbook, String service, String proposalHash) {
    String runbookId = runbook.id();
    Map<String, String> vars = vars(service, incidentId);
    if (proposalHash == null || proposalHash.isBlank()) {
      throw ApplicationFailure.newNonRetryableFailure(
          "runbook " + runbookId + " has no approved proposal; nothing was sent", MISSING_PROPOSAL);
    }
    String now = Proposal.hash(runbookId, runbook.label(), runbook.action().describe(vars));
    if (!now.equals(proposalHash)) {
      throw ApplicationFailure.newNonRetryableFailure(
          "runbook " + runbookId + " changed since it was approved; nothing was sent",
          PROPOSAL_CHANGED);
    }
    ActionContext context = context(workflowId, incidentId, runbookId, vars);
    ActionResult result;
    try {
      result = kinds.run(runbook.action(), context);
    } catch (ActionFailure e) {
      log.warn(
          "Incident {}: {} action {} failed, {}: {} (idempotency key {})",
          incidentId,
          runbook.action().type(),
          runbookId,
          e.reason(),
          e.getMessage(),
          context.idempotencyKey());
      throw failure(e);
    }
    log.info(
        "Incident {}: {} action {} answered {} (idempotency key {})",
        incidentId,
        result.type(),
        runbookId,
        result.summary(),
        result.idempotencyKey());
    return result;
  }

  @Override
  public ActionPreview preview(
      String workflowId, String incidentId, String runbookId, String service) {
    try (LogContext ignored = LogContext.of(incidentId, workflowId)) {
      Runbook runbook = runbook(runbookId);
      ActionContext context = context(workflowId, incidentId, runbookId, vars(service, incidentId));
      try {
        return kinds.preview(runbook.action(), context).map(ActionPreview::change).orElse(null);
      } catch (ActionFailure e) {
        if (e.reason() == ActionFailure.Reason.REFUSED) {
          log.info("Incident {}: dry run of {} refused: {}", incidentId, runbookId, e.getMessage());
          return ActionPreview.refused(e.getMessage());
        }
        throw failure(e);
      }
    }
  }

  @Override
  public ActionResult undo(
      String workflowId, String incidentId, String runbookId, String service, UndoPlan plan) {
    try (LogContext ignored = LogContext.of(incidentId, workflowId)) {
      Runbook runbook = runbook(runbookId);
      Map<String, String> vars = vars(service, incidentId);
      ActionContext context =
          context(workflowId, incidentId, runbookId, vars, undoKey(workflowId, runbookId));
      try {
        ActionResult result = kinds.undo(runbook.action(), context, plan);
        log.info(
            "Incident {}: undo of {} answered {} (idempotency key {})",
            incidentId,
            runbookId,
            result.summary(),
            context.idempotencyKey());
        count(Meters.ACTION_RESULTS, runbook.action().type() + "-undo", "ok");
        return result;
      } catch (ActionFailure e) {
        log.warn("Incident {}: undo of {} failed: {}", incidentId, runbookId, e.getMessage());
        count(Meters.ACTION_RESULTS, runbook.action().type() + "-undo", e.reason().name());
        throw failure(e);
      }
    }
  }

  /** The idempotency key of a runbook's Undo in one workflow. */
  public static String undoKey(String workflowId, String runbookId) {
    return ActionContext.idempotencyKey(workflowId, runbookId) + ":undo";
  }

  @Override
  public VerificationResult verify(String incidentId, String runbookId, String service) {
    String workflowId = Activity.getExecutionContext().getInfo().getWorkflowId();
    try (LogContext ignored = LogContext.of(incidentId, workflowId)) {
      Runbook runbook = runbook(runbookId);
      String kind = runbook.verify().type();
      try {
        VerificationResult v = verify(runbook, workflowId, incidentId, service);
        count(Meters.VERIFY_RESULTS, kind, v.recovered() ? "recovered" : "not_recovered");
        return v;
      } catch (ApplicationFailure e) {
        count(Meters.VERIFY_RESULTS, kind, e.getType());
        throw e;
      }
    }
  }

  private VerificationResult verify(
      Runbook runbook, String workflowId, String incidentId, String service) {
    Map<String, String> vars = vars(service, incidentId);
    try {
      return kinds.verify(runbook.verify(), context(workflowId, incidentId, runbook.id(), vars));
    } catch (ActionFailure e) {
      throw failure(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApplicationFailure.newFailure("verification interrupted", INTERRUPTED);
    }
  }

  /** One attempt's result; {@code result} is {@code ok}, a verdict, or the failure's type. */
  private void count(String meter, String kind, String result) {
    meters
        .counter(meter, "kind", kind == null ? "none" : kind, "result", Meters.tag(result))
        .increment();
  }

  /** Maps a kind-neutral failure to its Temporal type; only a refusal is non-retryable. */
  static ApplicationFailure failure(ActionFailure e) {
    return switch (e.reason()) {
      case REFUSED -> ApplicationFailure.newNonRetryableFailure(e.getMessage(), ACTION_REFUSED);
      case TARGET_ERROR -> ApplicationFailure.newFailure(e.getMessage(), ACTION_SERVER_ERROR);
      // Retryable: the idempotency key makes a repeat harmless.
      case UNREACHABLE -> ApplicationFailure.newFailure(e.getMessage(), ACTION_IO_ERROR);
    };
  }

  private static ActionContext context(
      String workflowId, String incidentId, String runbookId, Map<String, String> vars) {
    return context(
        workflowId,
        incidentId,
        runbookId,
        vars,
        ActionContext.idempotencyKey(workflowId, runbookId));
  }

  private static ActionContext context(
      String workflowId,
      String incidentId,
      String runbookId,
      Map<String, String> vars,
      String key) {
    ActivityExecutionContext activity = Activity.getExecutionContext();
    Heartbeat heartbeat = activity::heartbeat;
    return new ActionContext(incidentId, workflowId, runbookId, vars, key, heartbeat);
  }

  private Runbook runbook(String runbookId) {
    return config
        .runbook(runbookId)
        .orElseThrow(
            () ->
                ApplicationFailure.newNonRetryableFailure(
                    "runbook '" + runbookId + "' is not in the catalog", UNKNOWN_RUNBOOK));
  }

  private Map<String, String> vars(String service, String incidentId) {
    if (!config.knowsService(service)) {
      throw ApplicationFailure.newNonRetryableFailure(
          "service '" + service + "' is not in the catalog's services", UNKNOWN_SERVICE);
    }
    return Map.of("service", service, "incident", incidentId);
  }
}
