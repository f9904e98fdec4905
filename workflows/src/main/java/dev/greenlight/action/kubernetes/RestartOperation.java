package dev.greenlight.action.kubernetes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.action.ActionContext;
import dev.greenlight.action.ActionFailure;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * {@code rollout-restart}, as {@code kubectl rollout restart}: sets the pod template's {@code
 * kubectl.kubernetes.io/restartedAt} to now, so the controller replaces the pods by the workload's
 * own strategy. The same merge patch stamps the idempotency key on the workload, with the
 * resourceVersion read as a precondition; a retry that finds its key restarts nothing.
 */
final class RestartOperation {
  private final Clock clock;

  RestartOperation(Clock clock) {
    this.clock = clock;
  }

  String run(KubernetesClient client, Target target, ActionContext context) throws ActionFailure {
    HasMetadata workload = Workloads.get(client, target);
    if (context.idempotencyKey().equals(Workloads.annotation(workload, Annotations.KEY))) {
      return "rollout restart " + target.what() + ": already restarted under this approval";
    }
    context.heartbeat().beat("restarting " + target.what());
    Workloads.mergePatch(client, target, patch(workload, context), false);
    return "rollout restart "
        + target.what()
        + " ("
        + Workloads.desired(workload)
        + " pods, "
        + Workloads.strategy(workload)
        + ")";
  }

  String preview(KubernetesClient client, Target target, ActionContext context)
      throws ActionFailure {
    HasMetadata workload = Workloads.get(client, target);
    if (context.idempotencyKey().equals(Workloads.annotation(workload, Annotations.KEY))) {
      return "already restarted under this approval: nothing to do";
    }
    Workloads.mergePatch(client, target, patch(workload, context), true);
    return "restart "
        + target.words()
        + " ("
        + Workloads.desired(workload)
        + " pods, "
        + Workloads.strategy(workload)
        + ")";
  }

  private ObjectNode patch(HasMetadata workload, ActionContext context) {
    ObjectNode patch =
        Workloads.annotate(workload, Map.of(Annotations.KEY, context.idempotencyKey()));
    patch
        .putObject("spec")
        .putObject("template")
        .putObject("metadata")
        .putObject("annotations")
        .put(Annotations.RESTARTED_AT, clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
    return patch;
  }
}
