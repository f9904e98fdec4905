package dev.greenlight.action.argo;

import dev.greenlight.action.ActionContext;
import dev.greenlight.action.ActionFailure;
import dev.greenlight.action.Verifier;
import dev.greenlight.action.argo.ArgoJson.Workflow;
import dev.greenlight.action.argo.WorkflowWatch.Ending;
import dev.greenlight.api.VerificationResult;
import dev.greenlight.config.ArgoVerify;
import java.util.Optional;

/**
 * The {@code argo} verify kind. Without a template it follows the workflow the {@code argo} action
 * submitted, found by the label carrying the hash of {@link ActionContext#idempotencyKey()} ({@code
 * <workflowId>:<runbookId>}); it never submits that template again. With a template it submits the
 * check under its own key {@code <workflowId>:<runbookId>:verify} (adopted on a retry, like the
 * action) and follows it. Recovered means the workflow Succeeded; Failed, Error, stopped, deleted
 * or still running at {@code timeout} is "not recovered", which escalates to the on-call person.
 */
public final class ArgoVerifier implements Verifier<ArgoVerify> {
  /** The suffix of the check template's idempotency key. */
  static final String CHECK_SUFFIX = ":verify";

  private final ArgoServers servers;

  public ArgoVerifier(ArgoServers servers) {
    this.servers = servers;
  }

  @Override
  public String type() {
    return ArgoVerify.TYPE;
  }

  @Override
  public Class<ArgoVerify> specType() {
    return ArgoVerify.class;
  }

  @Override
  public VerificationResult verify(ArgoVerify check, ActionContext context)
      throws ActionFailure, InterruptedException {
    String what = "verification of " + context.runbookId();
    long deadline = System.nanoTime() + check.timeout().toNanos();
    ArgoClient client = servers.client(check.server(), what);
    String name;
    if (check.runsTemplate()) {
      Submission submission =
          new Submission(
              client,
              check.namespace(),
              check.resourceKind(),
              check.template(),
              check.renderParameters(context.vars()),
              what);
      name = submission.adoptOrSubmit(context, context.idempotencyKey() + CHECK_SUFFIX).name();
    } else {
      String hash = ArgoLabels.keyHash(context.idempotencyKey());
      Optional<Workflow> found = Submission.find(client, check.namespace(), hash, what);
      context.heartbeat().beat("looked up the action's Argo workflow");
      if (found.isEmpty()) {
        return new VerificationResult(
            false,
            404,
            1,
            "no Argo workflow in namespace "
                + check.namespace()
                + " carries this incident's label "
                + ArgoLabels.selector(hash));
      }
      name = found.get().name();
    }
    Ending end;
    try {
      end = WorkflowWatch.await(client, check.namespace(), name, deadline, context.heartbeat());
    } catch (ArgoCallException e) {
      throw WorkflowWatch.refusedRead(e, what, name);
    }
    String subject = "Argo workflow " + name;
    String link = client.link(check.namespace(), name);
    String detail =
        switch (end.state()) {
          case SUCCEEDED -> subject + " Succeeded: " + link;
          case FAILED -> subject + " failed " + end.detail() + ": " + link;
          case STOPPED ->
              subject + " was stopped outside Greenlight (" + end.detail() + "): " + link;
          case DELETED -> subject + " was deleted outside Greenlight before it finished";
          case RUNNING -> subject + " still running after " + check.timeout() + ": " + link;
          case UNREACHABLE -> subject + ": " + end.detail() + " until the check's timeout";
        };
    return new VerificationResult(
        end.state() == WorkflowWatch.State.SUCCEEDED, end.lastStatus(), end.polls(), detail);
  }
}
