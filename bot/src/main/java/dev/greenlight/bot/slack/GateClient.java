package dev.greenlight.bot.slack;

import dev.greenlight.api.Decision;
import dev.greenlight.api.GateCheck;
import dev.greenlight.api.GateView;
import dev.greenlight.api.Refusal;
import dev.greenlight.workflows.RemediationWorkflow;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's side of the gate: a fast check on the queried gate, then the signal. A query needs a
 * running worker; when none answers within {@link #QUERY_BUDGET} the click is signalled anyway,
 * because the workflow checks it again and Temporal keeps the signal until a worker comes back.
 */
final class GateClient {
  static final Duration QUERY_BUDGET = Duration.ofMillis(1500);
  private static final Logger log = LoggerFactory.getLogger(GateClient.class);

  private final WorkflowClient temporal;
  private final ExecutorService queries =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "greenlight-gate-query");
            t.setDaemon(true);
            return t;
          });

  GateClient(WorkflowClient temporal) {
    this.temporal = temporal;
  }

  /** The gate, or empty when no worker answered in time (or the workflow is unknown). */
  Optional<GateView> view(String workflowId) {
    CompletableFuture<GateView> f =
        CompletableFuture.supplyAsync(
            () -> temporal.newWorkflowStub(RemediationWorkflow.class, workflowId).gate(), queries);
    try {
      return Optional.of(f.get(QUERY_BUDGET.toMillis(), TimeUnit.MILLISECONDS));
    } catch (Exception e) {
      f.cancel(true);
      log.info(
          "Gate query for {} did not answer in {} ms ({}); the workflow will check the click itself",
          workflowId,
          QUERY_BUDGET.toMillis(),
          e.getClass().getSimpleName());
      return Optional.empty();
    }
  }

  /**
   * Why the click cannot count, judged on the queried gate with the workflow's own rule. A user
   * missing from the approvers is let through when approvers come from user groups: membership may
   * have changed, and the workflow looks it up again.
   */
  static Optional<Refusal> precheck(Optional<GateView> view, Decision d) {
    if (view.isEmpty()) {
      return Optional.empty();
    }
    Optional<Refusal> r = GateCheck.check(view.get(), d);
    if (r.isPresent()
        && r.get().reason() == Refusal.Reason.NOT_AN_APPROVER
        && view.get().viaGroups()) {
      return Optional.empty();
    }
    return r;
  }

  /**
   * Records a click the bot refused in the incident's timeline. Best effort: the person was already
   * told why, and a lost note only thins the audit.
   */
  void noteRefusal(String workflowId, Decision d, Refusal refusal) {
    // Sent in the background: the click is acked without waiting for it.
    queries.execute(
        () -> {
          try {
            temporal
                .newWorkflowStub(RemediationWorkflow.class, workflowId)
                .noteRefusal(d, refusal.reason());
          } catch (RuntimeException e) {
            log.info("Could not note a refused click on {}: {}", workflowId, e.getMessage());
          }
        });
  }

  void signal(String workflowId, Decision d) {
    temporal.newWorkflowStub(RemediationWorkflow.class, workflowId).decide(d);
  }
}
