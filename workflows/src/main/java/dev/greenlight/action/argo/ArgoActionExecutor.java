package dev.greenlight.action.argo;

import dev.greenlight.action.ActionContext;
import dev.greenlight.action.ActionExecutor;
import dev.greenlight.action.ActionFailure;
import dev.greenlight.action.argo.ArgoJson.Workflow;
import dev.greenlight.action.argo.WorkflowWatch.Ending;
import dev.greenlight.api.ActionResult;
import dev.greenlight.config.ArgoAction;

/**
 * The {@code argo} action kind: submits the runbook's WorkflowTemplate (or ClusterWorkflowTemplate)
 * through the Argo Server REST API and waits, heartbeating, for the workflow's end.
 *
 * <p>Idempotency key: {@link ActionContext#idempotencyKey()} ({@code <workflowId>:<runbookId>}) is
 * hashed into the label {@code greenlight.dev/idempotency-key} and the workflow's name. Before
 * submitting, the executor lists the namespace's workflows with that label and adopts the one it
 * finds, so a retried or restarted activity follows the first workflow and never submits twice.
 *
 * <p>Outcomes: Succeeded returns {@code Argo workflow <name> Succeeded} with a link to the Argo UI.
 * Failed or Error is permanent (it escalates, never resubmits) and names the failed node and its
 * message; a workflow deleted or stopped outside Greenlight is permanent and says so. 401, 403 and
 * 404 on submit are permanent and name the template and namespace; 5xx and I/O errors are
 * retryable; a workflow still running at {@code timeout} is retryable, and the retry adopts it.
 */
public final class ArgoActionExecutor implements ActionExecutor<ArgoAction> {
  private final ArgoServers servers;

  public ArgoActionExecutor(ArgoServers servers) {
    this.servers = servers;
  }

  @Override
  public String type() {
    return ArgoAction.TYPE;
  }

  @Override
  public Class<ArgoAction> specType() {
    return ArgoAction.class;
  }

  @Override
  public ActionResult run(ArgoAction action, ActionContext context) throws ActionFailure {
    String what = "action " + context.runbookId();
    long deadline = System.nanoTime() + action.timeout().toNanos();
    ArgoClient client = servers.client(action.server(), what);
    Submission submission =
        new Submission(
            client,
            action.namespace(),
            action.resourceKind(),
            action.template(),
            action.renderParameters(context.vars()),
            what);
    Workflow workflow = submission.adoptOrSubmit(context, context.idempotencyKey());
    String name = workflow.name();
    String link = client.link(action.namespace(), name);
    Ending end;
    try {
      end = WorkflowWatch.await(client, action.namespace(), name, deadline, context.heartbeat());
    } catch (ArgoCallException e) {
      throw WorkflowWatch.refusedRead(e, what, name);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ActionFailure.unreachable(what + ": interrupted while waiting for " + name, e);
    }
    String subject = "Argo workflow " + name;
    return switch (end.state()) {
      case SUCCEEDED ->
          new ActionResult(
              ArgoAction.TYPE, subject + " Succeeded: " + link, context.idempotencyKey());
      case FAILED ->
          throw ActionFailure.permanent(
              what + ": " + subject + " failed " + end.detail() + ": " + link);
      case STOPPED ->
          throw ActionFailure.permanent(
              what
                  + ": "
                  + subject
                  + " was stopped outside Greenlight ("
                  + end.detail()
                  + "): "
                  + link);
      case DELETED ->
          throw ActionFailure.permanent(
              what + ": " + subject + " was deleted outside Greenlight before it finished");
      case RUNNING ->
          throw ActionFailure.retryable(
              what
                  + ": "
                  + subject
                  + " still running after "
                  + action.timeout()
                  + "; a retry follows the same workflow: "
                  + link);
      case UNREACHABLE ->
          throw ActionFailure.retryable(
              what + ": " + subject + ": " + end.detail() + "; a retry follows the same workflow");
    };
  }
}
