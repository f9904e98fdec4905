package dev.greenlight.action.kubernetes;

import dev.greenlight.action.ActionContext;
import dev.greenlight.action.ActionFailure;
import dev.greenlight.action.Verifier;
import dev.greenlight.api.VerificationResult;
import dev.greenlight.config.KubernetesKind;
import dev.greenlight.config.KubernetesRollout;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * The {@code kubernetes-rollout} verify kind: reads the workload every {@code interval} until what
 * {@code kubectl rollout status} checks holds (the spec observed, every replica updated and
 * available, no old replicas left), or for a Job until it succeeded or failed, or until {@code
 * timeout} passes; heartbeats after every check. A rollout that cannot finish (progress deadline
 * exceeded, a failed Job) or that a newer rollout replaced (the generation moved on) is "not
 * recovered" at once.
 *
 * <p>Read-only. A Job is found by the name the {@code run-job} action gave it, from the idempotency
 * key {@code <workflowId>:<runbookId>}. A refused read (403, 404) fails the check with the verb and
 * resource named; an unanswered one is checked again.
 */
public final class KubernetesRolloutVerifier implements Verifier<KubernetesRollout> {
  private final KubeClients clients;

  public KubernetesRolloutVerifier(KubeClients clients) {
    this.clients = clients;
  }

  @Override
  public String type() {
    return KubernetesRollout.TYPE;
  }

  @Override
  public Class<KubernetesRollout> specType() {
    return KubernetesRollout.class;
  }

  @Override
  public VerificationResult verify(KubernetesRollout spec, ActionContext context)
      throws ActionFailure, InterruptedException {
    KubernetesClient client = clients.client(spec.context());
    Target target = target(spec, context);
    long deadline = System.nanoTime() + spec.timeout().toNanos();
    Long firstGeneration = null;
    int attempts = 0;
    while (true) {
      attempts++;
      String seen;
      int status;
      RolloutStatus rollout = null;
      try {
        HasMetadata w = read(client, target);
        status = 200;
        if (firstGeneration == null) {
          firstGeneration = w.getMetadata().getGeneration();
        }
        Long generation = w.getMetadata().getGeneration();
        if (firstGeneration != null && generation != null && generation > firstGeneration) {
          return new VerificationResult(
              false,
              status,
              attempts,
              "a newer rollout of "
                  + target.what()
                  + " started during the check (generation "
                  + firstGeneration
                  + " -> "
                  + generation
                  + ")");
        }
        rollout = RolloutStatus.of(w);
        seen = rollout.message();
      } catch (ActionFailure e) {
        if (e.permanent()) {
          throw e;
        }
        status = 0;
        seen = "no answer from the Kubernetes API";
      }
      context.heartbeat().beat("rollout check " + attempts + ": " + seen);
      if (rollout != null && rollout.done()) {
        return new VerificationResult(
            true, status, attempts, seen + " after " + attempts + " check(s)");
      }
      if (rollout != null && rollout.state() == RolloutStatus.State.FAILED) {
        return new VerificationResult(false, status, attempts, seen);
      }
      if (System.nanoTime() + spec.interval().toNanos() > deadline) {
        return new VerificationResult(
            false,
            status,
            attempts,
            "not rolled out after " + attempts + " check(s) in " + spec.timeout() + ": " + seen);
      }
      Thread.sleep(spec.interval().toMillis());
    }
  }

  private static HasMetadata read(KubernetesClient client, Target target) throws ActionFailure {
    if (target.kind() == KubernetesKind.JOB) {
      HasMetadata job =
          KubeErrors.call(
              target,
              "get",
              () ->
                  client
                      .batch()
                      .v1()
                      .jobs()
                      .inNamespace(target.namespace())
                      .withName(target.name())
                      .get());
      if (job == null) {
        throw ActionFailure.permanent(
            target.who() + ": " + target.what() + " was not found (404 on get jobs.batch)");
      }
      return job;
    }
    return Workloads.get(client, target);
  }

  static Target target(KubernetesRollout spec, ActionContext context) throws ActionFailure {
    String who = "verification " + context.runbookId();
    String name =
        spec.kind() == KubernetesKind.JOB
            ? JobNames.of(spec.name(context.vars()), context.runbookId(), context.idempotencyKey())
            : spec.name(context.vars());
    return Target.of(who, spec.namespace(context.vars()), spec.kind(), name);
  }
}
