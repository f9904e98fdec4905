package dev.greenlight.action.kubernetes;

import dev.greenlight.action.ActionContext;
import dev.greenlight.action.ActionFailure;
import dev.greenlight.config.KubernetesOperation.RunJob;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.ScalableResource;
import java.util.List;
import java.util.Map;

/**
 * {@code run-job}: creates one Job from the catalog's template, named by {@link JobNames} from the
 * idempotency key and annotated with it. A retry finds the Job under the same name and adopts it
 * instead of creating a second; a Job of that name created under another key is refused. A create
 * that races another (409 AlreadyExists) is retried, and the retry adopts.
 */
final class RunJobOperation {
  static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  static final String RUNBOOK_LABEL = "greenlight.dev/runbook";

  private RunJobOperation() {}

  static String run(KubernetesClient client, Target job, RunJob op, ActionContext context)
      throws ActionFailure {
    Job existing = get(client, job);
    if (existing != null) {
      return adopt(job, existing, context);
    }
    context.heartbeat().beat("creating " + job.what());
    KubeErrors.call(
        job, "create", () -> jobs(client, job).resource(build(job, op, context)).create());
    return "created " + job.what() + " (image " + op.image() + ")";
  }

  static String preview(KubernetesClient client, Target job, RunJob op, ActionContext context)
      throws ActionFailure {
    Job existing = get(client, job);
    if (existing != null) {
      adopt(job, existing, context);
      return "job " + job.name() + " already exists under this approval: nothing to create";
    }
    KubeErrors.call(
        job, "create", () -> jobs(client, job).resource(build(job, op, context)).dryRun().create());
    return "create " + job.words() + " (image " + op.image() + ")";
  }

  private static Job get(KubernetesClient client, Target job) throws ActionFailure {
    return KubeErrors.call(job, "get", () -> jobs(client, job).withName(job.name()).get());
  }

  private static String adopt(Target job, Job existing, ActionContext context)
      throws ActionFailure {
    if (!context.idempotencyKey().equals(Workloads.annotation(existing, Annotations.KEY))) {
      throw ActionFailure.permanent(
          job.who() + ": " + job.what() + " exists but was not created under this approval");
    }
    return "adopted " + job.what() + ", created earlier under this approval";
  }

  private static NonNamespaceOperation<Job, JobList, ScalableResource<Job>> jobs(
      KubernetesClient client, Target job) {
    return client.batch().v1().jobs().inNamespace(job.namespace());
  }

  /** The Job: one container named {@code job}, never restarted in place. */
  static Job build(Target job, RunJob op, ActionContext context) {
    Map<String, String> vars = context.vars();
    List<EnvVar> env =
        op.env(vars).entrySet().stream()
            .map(e -> new EnvVar(e.getKey(), e.getValue(), null))
            .toList();
    return new JobBuilder()
        .withNewMetadata()
        .withName(job.name())
        .withNamespace(job.namespace())
        .addToLabels(MANAGED_BY, "greenlight")
        .addToLabels(RUNBOOK_LABEL, context.runbookId())
        .addToAnnotations(Annotations.KEY, context.idempotencyKey())
        .endMetadata()
        .withNewSpec()
        .withBackoffLimit(op.backoffLimit())
        .withActiveDeadlineSeconds(op.activeDeadline().toSeconds())
        .withNewTemplate()
        .withNewMetadata()
        .addToLabels(MANAGED_BY, "greenlight")
        .addToLabels(RUNBOOK_LABEL, context.runbookId())
        .endMetadata()
        .withNewSpec()
        .withRestartPolicy("Never")
        .addNewContainer()
        .withName("job")
        .withImage(op.image())
        .withCommand(op.command(vars))
        .withEnv(env)
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }
}
