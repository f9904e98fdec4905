package dev.greenlight.action.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.action.ActionContext;
import dev.greenlight.action.ActionFailure;
import dev.greenlight.config.KubernetesOperation.DeletePods;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code delete-pods}: deletes pods of the target workload (its selector, narrowed by the catalog's
 * {@code selector}), not-Ready ones first, only those with {@code only-not-ready}, and never more
 * than {@code max} in total under one idempotency key. Before deleting, the chosen pod names are
 * recorded with the key on the workload ({@value Annotations#DELETED_PODS}, resourceVersion as a
 * precondition); a retry re-deletes only those (a pod already gone counts as deleted) and chooses
 * new ones only while the ledger holds fewer than {@code max}.
 */
final class DeletePodsOperation {
  private DeletePodsOperation() {}

  /** What one run would delete: the pods chosen under the key, and what was seen. */
  private record Plan(
      HasMetadata workload, List<String> ledger, List<String> chosen, int seen, boolean fresh) {}

  static String run(KubernetesClient client, Target target, DeletePods op, ActionContext context)
      throws ActionFailure {
    Plan plan = plan(client, target, op, context);
    if (plan.fresh()) {
      // The ledger is written before any pod is deleted, so a crash in between cannot make a retry
      // choose other pods on top of these.
      Workloads.mergePatch(
          client,
          target,
          Workloads.annotate(
              plan.workload(),
              Map.of(Annotations.DELETED_PODS, ledger(context.idempotencyKey(), plan.chosen()))),
          false);
    }
    int n = 0;
    for (String pod : plan.chosen()) {
      n++;
      context.heartbeat().beat("deleting pod " + n + " of " + plan.chosen().size());
      delete(client, target, pod, false);
    }
    if (plan.chosen().isEmpty()) {
      return "delete pods of "
          + target.what()
          + ": none to delete ("
          + plan.seen()
          + " seen"
          + (op.onlyNotReady() ? ", all Ready)" : ")");
    }
    return "deleted "
        + plan.chosen().size()
        + " pod(s) of "
        + target.what()
        + (op.onlyNotReady() ? " (not Ready)" : "")
        + ": "
        + String.join(", ", plan.chosen());
  }

  static String preview(
      KubernetesClient client, Target target, DeletePods op, ActionContext context)
      throws ActionFailure {
    Plan plan = plan(client, target, op, context);
    for (String pod : plan.chosen()) {
      delete(client, target, pod, true);
    }
    return "delete "
        + plan.chosen().size()
        + " of "
        + plan.seen()
        + " pods"
        + (op.onlyNotReady() ? " (not Ready)" : "");
  }

  private static Plan plan(
      KubernetesClient client, Target target, DeletePods op, ActionContext context)
      throws ActionFailure {
    HasMetadata workload = Workloads.get(client, target);
    List<String> ledger = ledger(Workloads.annotation(workload, Annotations.DELETED_PODS), context);
    LabelSelector selector =
        new LabelSelectorBuilder(Workloads.selector(workload))
            .addToMatchLabels(op.selector(context.vars()))
            .build();
    List<Pod> pods =
        KubeErrors.call(
                target,
                "list",
                "pods",
                "the pods of " + target.what(),
                () ->
                    client
                        .pods()
                        .inNamespace(target.namespace())
                        .withLabelSelector(selector)
                        .list())
            .getItems();
    Set<String> chosen = new LinkedHashSet<>(ledger);
    List<Pod> candidates =
        pods.stream()
            .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
            .filter(p -> !op.onlyNotReady() || !ready(p))
            .filter(p -> !chosen.contains(p.getMetadata().getName()))
            .sorted(
                Comparator.comparing((Pod p) -> ready(p))
                    .thenComparing(p -> p.getMetadata().getName()))
            .toList();
    for (Pod p : candidates) {
      if (chosen.size() >= op.max()) {
        break;
      }
      chosen.add(p.getMetadata().getName());
    }
    return new Plan(
        workload, ledger, new ArrayList<>(chosen), pods.size(), chosen.size() > ledger.size());
  }

  private static void delete(KubernetesClient client, Target target, String pod, boolean dryRun)
      throws ActionFailure {
    // A pod already gone is not an error: fabric8 answers a 404 on delete with an empty list.
    KubeErrors.call(
        target,
        "delete",
        "pods",
        "pod " + pod + " in " + target.namespace(),
        () -> {
          var resource = client.pods().inNamespace(target.namespace()).withName(pod);
          return dryRun ? resource.dryRun().delete() : resource.delete();
        });
  }

  /** Whether the pod's Ready condition is True. */
  static boolean ready(Pod pod) {
    return pod.getStatus() != null
        && pod.getStatus().getConditions() != null
        && pod.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  /** The pods recorded under this run's key; none when the ledger is another run's or absent. */
  private static List<String> ledger(String annotation, ActionContext context) {
    if (annotation == null) {
      return List.of();
    }
    try {
      JsonNode node = Workloads.JSON.readTree(annotation);
      if (!context.idempotencyKey().equals(node.path("key").asText())) {
        return List.of();
      }
      List<String> pods = new ArrayList<>();
      node.path("pods").forEach(p -> pods.add(p.asText()));
      return pods;
    } catch (IOException e) {
      // Someone edited the annotation by hand: it is not this run's ledger.
      return List.of();
    }
  }

  private static String ledger(String key, List<String> pods) {
    ObjectNode node = Workloads.JSON.createObjectNode().put("key", key);
    pods.forEach(node.putArray("pods")::add);
    return node.toString();
  }
}
