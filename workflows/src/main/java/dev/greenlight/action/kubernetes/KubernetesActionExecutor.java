package dev.greenlight.action.kubernetes;

import dev.greenlight.action.ActionContext;
import dev.greenlight.action.ActionExecutor;
import dev.greenlight.action.ActionFailure;
import dev.greenlight.api.ActionResult;
import dev.greenlight.api.UndoPlan;
import dev.greenlight.config.KubernetesAction;
import dev.greenlight.config.KubernetesKind;
import dev.greenlight.config.KubernetesOperation;
import dev.greenlight.config.KubernetesOperation.DeletePods;
import dev.greenlight.config.KubernetesOperation.Rollback;
import dev.greenlight.config.KubernetesOperation.RolloutRestart;
import dev.greenlight.config.KubernetesOperation.RunJob;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.Optional;

/**
 * The {@code kubernetes} action kind: one operation ({@code rollout-restart}, {@code scale}, {@code
 * rollback}, {@code delete-pods}, {@code run-job}) on one workload, every name from the catalog and
 * the validated {@code service}.
 *
 * <p>Idempotency key: {@code <workflowId>:<runbookId>} is written in the {@value Annotations#KEY}
 * annotation by the same request that makes the change (a restart, a scale, a rollback), so a retry
 * that finds it changes nothing; {@code delete-pods} records the pods it chose under the key before
 * deleting any, and never deletes more than {@code max} in all; {@code run-job} names its Job from
 * the key and adopts it on a retry.
 *
 * <p>A refusal is permanent (403 names the missing verb and resource, 404 the object), a conflict
 * (409), 429 or 5xx retryable, no answer unreachable. {@link #preview} runs the same requests as a
 * server-side dry run ({@code dryRun=All}).
 */
public final class KubernetesActionExecutor implements ActionExecutor<KubernetesAction> {
  private final KubeClients clients;
  private final RestartOperation restart;

  public KubernetesActionExecutor(KubeClients clients) {
    this(clients, Clock.systemUTC());
  }

  KubernetesActionExecutor(KubeClients clients, Clock clock) {
    this.clients = clients;
    this.restart = new RestartOperation(clock);
  }

  @Override
  public String type() {
    return KubernetesAction.TYPE;
  }

  @Override
  public Class<KubernetesAction> specType() {
    return KubernetesAction.class;
  }

  @Override
  public ActionResult run(KubernetesAction spec, ActionContext context) throws ActionFailure {
    KubernetesClient client = clients.client(spec.context());
    Target target = target(spec, context);
    KubernetesOperation op = spec.operation();
    String summary;
    if (op instanceof RolloutRestart) {
      summary = restart.run(client, target, context);
    } else if (op instanceof KubernetesOperation.Scale scale) {
      return result(spec, ScaleOperation.run(client, target, scale, context), context);
    } else if (op instanceof Rollback) {
      return result(spec, RollbackOperation.run(client, target, context), context);
    } else if (op instanceof DeletePods delete) {
      summary = DeletePodsOperation.run(client, target, delete, context);
    } else {
      summary = RunJobOperation.run(client, target, (RunJob) op, context);
    }
    return new ActionResult(KubernetesAction.TYPE, summary, context.idempotencyKey());
  }

  /** A scale's or rollback's result, with its Undo when the catalog offers one. */
  private static ActionResult result(KubernetesAction spec, Change change, ActionContext context) {
    long window = spec.undoWindow().toSeconds();
    UndoPlan undo = null;
    if (change.before() != null && window > 0) {
      undo =
          spec.operation() instanceof Rollback
              ? new UndoPlan(
                  UndoPlan.Kind.ROLLBACK,
                  change.before(),
                  "roll back to revision " + change.before(),
                  window)
              : new UndoPlan(
                  UndoPlan.Kind.SCALE,
                  change.before(),
                  "scale back to " + change.before() + " replicas",
                  window);
    }
    return new ActionResult(
        KubernetesAction.TYPE, change.summary(), context.idempotencyKey(), undo);
  }

  /**
   * Undoes a scale or rollback this runbook made, under the Undo's own idempotency key in {@code
   * context}. The plan must be of the runbook's own operation: a scale's plan never rolls back.
   */
  @Override
  public ActionResult undo(KubernetesAction spec, ActionContext context, UndoPlan plan)
      throws ActionFailure {
    KubernetesClient client = clients.client(spec.context());
    Target target = target(spec, context);
    String summary;
    if (plan.kind() == UndoPlan.Kind.SCALE
        && spec.operation() instanceof KubernetesOperation.Scale) {
      if (plan.value() < 0 || plan.value() > 1000) {
        throw ActionFailure.permanent(
            "action " + context.runbookId() + ": cannot scale back to " + plan.value());
      }
      summary = ScaleOperation.undo(client, target, (int) plan.value(), context);
    } else if (plan.kind() == UndoPlan.Kind.ROLLBACK && spec.operation() instanceof Rollback) {
      summary = RollbackOperation.undo(client, target, plan.value(), context);
    } else {
      throw ActionFailure.permanent(
          "action "
              + context.runbookId()
              + ": "
              + spec.operation().key()
              + " has no "
              + plan.kind().name().toLowerCase(java.util.Locale.ROOT)
              + " to undo");
    }
    return new ActionResult(KubernetesAction.TYPE, summary, context.idempotencyKey());
  }

  /**
   * What {@link #run} would change, in words, after the API server accepted it as a dry run ({@code
   * dryRun=All}), e.g. {@code replicas 3 -> 6}.
   */
  @Override
  public Optional<String> preview(KubernetesAction spec, ActionContext context)
      throws ActionFailure {
    KubernetesClient client = clients.client(spec.context());
    Target target = target(spec, context);
    KubernetesOperation op = spec.operation();
    if (op instanceof RolloutRestart) {
      return Optional.of(restart.preview(client, target, context));
    }
    if (op instanceof KubernetesOperation.Scale scale) {
      return Optional.of(ScaleOperation.preview(client, target, scale, context));
    }
    if (op instanceof Rollback) {
      return Optional.of(RollbackOperation.preview(client, target, context));
    }
    if (op instanceof DeletePods delete) {
      return Optional.of(DeletePodsOperation.preview(client, target, delete, context));
    }
    return Optional.of(RunJobOperation.preview(client, target, (RunJob) op, context));
  }

  /** The workload, or for {@code run-job} the Job named from the idempotency key. */
  static Target target(KubernetesAction spec, ActionContext context) throws ActionFailure {
    String who = "action " + context.runbookId();
    String namespace = spec.namespace(context.vars());
    if (spec.operation() instanceof RunJob) {
      return Target.of(
          who,
          namespace,
          KubernetesKind.JOB,
          JobNames.of(spec.name(context.vars()), context.runbookId(), context.idempotencyKey()));
    }
    return Target.of(who, namespace, spec.kind(), spec.name(context.vars()));
  }
}
