package dev.greenlight.action.kubernetes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.action.ActionContext;
import dev.greenlight.action.ActionFailure;
import dev.greenlight.config.KubernetesOperation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;

/**
 * {@code scale}: sets {@code spec.replicas} to the catalog's count, or adds {@code by} up to {@code
 * max}. The same merge patch stamps the idempotency key and the count before the change ({@value
 * Annotations#PREVIOUS_REPLICAS}, for an Undo), with the resourceVersion read as a precondition; a
 * retry that finds its key scales nothing, so {@code by} is added once.
 */
final class ScaleOperation {
  private ScaleOperation() {}

  /** Scales, returning the count before the change (for an Undo) with the summary. */
  static Change run(
      KubernetesClient client, Target target, KubernetesOperation.Scale op, ActionContext context)
      throws ActionFailure {
    HasMetadata workload = Workloads.get(client, target);
    int current = Workloads.desired(workload);
    if (context.idempotencyKey().equals(Workloads.annotation(workload, Annotations.KEY))) {
      return new Change(
          "scale "
              + target.what()
              + ": already scaled under this approval (replicas "
              + current
              + ")",
          previous(workload));
    }
    int wanted = wanted(op, current);
    context.heartbeat().beat("scaling " + target.what());
    Workloads.mergePatch(client, target, patch(workload, current, wanted, context), false);
    return new Change(
        "scale " + target.what() + ": " + change(op, current, wanted), (long) current);
  }

  /**
   * Undo: scales back to {@code replicas}, under the Undo's own idempotency key; a retry that finds
   * that key scales nothing.
   */
  static String undo(KubernetesClient client, Target target, int replicas, ActionContext context)
      throws ActionFailure {
    HasMetadata workload = Workloads.get(client, target);
    int current = Workloads.desired(workload);
    if (context.idempotencyKey().equals(Workloads.annotation(workload, Annotations.KEY))) {
      return "scale " + target.what() + ": already undone (replicas " + current + ")";
    }
    context.heartbeat().beat("scaling back " + target.what());
    Workloads.mergePatch(client, target, patch(workload, current, replicas, context), false);
    return "scale " + target.what() + " back: replicas " + current + " -> " + replicas;
  }

  /** The count a Greenlight scale recorded before its change, or null. */
  private static Long previous(HasMetadata workload) {
    try {
      String v = Workloads.annotation(workload, Annotations.PREVIOUS_REPLICAS);
      return v == null ? null : Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static String preview(
      KubernetesClient client, Target target, KubernetesOperation.Scale op, ActionContext context)
      throws ActionFailure {
    HasMetadata workload = Workloads.get(client, target);
    int current = Workloads.desired(workload);
    if (context.idempotencyKey().equals(Workloads.annotation(workload, Annotations.KEY))) {
      return "already scaled under this approval (replicas " + current + "): nothing to do";
    }
    int wanted = wanted(op, current);
    Workloads.mergePatch(client, target, patch(workload, current, wanted, context), true);
    return change(op, current, wanted);
  }

  /** The count to scale to: fixed, or {@code by} more but never above {@code max}. */
  static int wanted(KubernetesOperation.Scale op, int current) {
    if (op.replicas() != null) {
      return op.replicas();
    }
    // Already above max (scaled by hand): keep it, never scale down here.
    return Math.max(current, Math.min(current + op.by(), op.max()));
  }

  private static String change(KubernetesOperation.Scale op, int current, int wanted) {
    String line = "replicas " + current + " -> " + wanted;
    if (op.by() != null && wanted < current + op.by()) {
      line +=
          current >= op.max()
              ? " (already at max " + op.max() + ")"
              : " (capped at max " + op.max() + ")";
    }
    return line;
  }

  private static ObjectNode patch(
      HasMetadata workload, int current, int wanted, ActionContext context) {
    ObjectNode patch =
        Workloads.annotate(
            workload,
            Map.of(
                Annotations.KEY,
                context.idempotencyKey(),
                Annotations.PREVIOUS_REPLICAS,
                Integer.toString(current)));
    patch.putObject("spec").put("replicas", wanted);
    return patch;
  }
}
