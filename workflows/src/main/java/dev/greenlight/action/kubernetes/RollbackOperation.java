package dev.greenlight.action.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.action.ActionContext;
import dev.greenlight.action.ActionFailure;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code rollback}, as {@code kubectl rollout undo}: finds the Deployment's ReplicaSets (its
 * selector, and owned by it), takes the one with the highest revision below the current one, and
 * replaces the Deployment's pod template with that ReplicaSet's (without its {@code
 * pod-template-hash} label). The same JSON patch stamps the idempotency key and the revision rolled
 * back from ({@value Annotations#PREVIOUS_REVISION}), with the resourceVersion read as a
 * precondition; a retry that finds its key rolls back nothing.
 */
final class RollbackOperation {
  private static final PatchContext JSON_PATCH = PatchContext.of(PatchType.JSON);
  private static final String HASH_LABEL = "pod-template-hash";

  private RollbackOperation() {}

  /** The revision to go back to, and its template as the patch will write it. */
  private record Plan(long from, long to, ReplicaSet replicaSet, JsonNode template) {
    String images() {
      return replicaSet.getSpec().getTemplate().getSpec().getContainers().stream()
          .map(Container::getImage)
          .collect(Collectors.joining(", "));
    }
  }

  /** Rolls back, returning the revision rolled back from (for an Undo) with the summary. */
  static Change run(KubernetesClient client, Target target, ActionContext context)
      throws ActionFailure {
    Deployment deployment = (Deployment) Workloads.get(client, target);
    if (context.idempotencyKey().equals(Workloads.annotation(deployment, Annotations.KEY))) {
      String from = Workloads.annotation(deployment, Annotations.PREVIOUS_REVISION);
      return new Change(
          "roll back " + target.what() + ": already rolled back under this approval",
          parse(from) > 0 ? parse(from) : null);
    }
    Plan plan = plan(client, target, deployment, null);
    if (plan.template().equals(current(client, deployment))) {
      return Change.of(
          "roll back "
              + target.what()
              + ": skipped, the current template already matches revision "
              + plan.to());
    }
    context.heartbeat().beat("rolling back " + target.what());
    patch(client, target, deployment, plan, context, false);
    return new Change(
        "roll back "
            + target.what()
            + " from revision "
            + plan.from()
            + " to revision "
            + plan.to()
            + " (image "
            + plan.images()
            + ")",
        plan.from());
  }

  /**
   * Undo: back to the template of {@code revision} (the one a rollback left), under the Undo's own
   * idempotency key; a retry that finds that key changes nothing.
   */
  static String undo(KubernetesClient client, Target target, long revision, ActionContext context)
      throws ActionFailure {
    Deployment deployment = (Deployment) Workloads.get(client, target);
    if (context.idempotencyKey().equals(Workloads.annotation(deployment, Annotations.KEY))) {
      return "roll back " + target.what() + ": already undone";
    }
    Plan plan = plan(client, target, deployment, revision);
    if (plan.template().equals(current(client, deployment))) {
      return "roll back " + target.what() + ": already at revision " + revision;
    }
    context.heartbeat().beat("undoing the rollback of " + target.what());
    patch(client, target, deployment, plan, context, false);
    return "roll back "
        + target.what()
        + " to revision "
        + revision
        + " (image "
        + plan.images()
        + ")";
  }

  static String preview(KubernetesClient client, Target target, ActionContext context)
      throws ActionFailure {
    Deployment deployment = (Deployment) Workloads.get(client, target);
    if (context.idempotencyKey().equals(Workloads.annotation(deployment, Annotations.KEY))) {
      return "already rolled back under this approval: nothing to do";
    }
    Plan plan = plan(client, target, deployment, null);
    if (plan.template().equals(current(client, deployment))) {
      return "nothing to roll back: the current template already matches revision " + plan.to();
    }
    patch(client, target, deployment, plan, context, true);
    return "roll back to revision " + plan.to() + " (image " + plan.images() + ")";
  }

  /** The revision to go to: {@code wanted}, or (null) the highest below the current one. */
  private static Plan plan(
      KubernetesClient client, Target target, Deployment deployment, Long wanted)
      throws ActionFailure {
    String uid = deployment.getMetadata().getUid();
    List<ReplicaSet> owned =
        KubeErrors.call(
                target,
                "list",
                "replicasets.apps",
                "the replica sets of " + target.what(),
                () ->
                    client
                        .apps()
                        .replicaSets()
                        .inNamespace(target.namespace())
                        .withLabelSelector(deployment.getSpec().getSelector())
                        .list())
            .getItems()
            .stream()
            .filter(rs -> ownedBy(rs, uid))
            .filter(rs -> revision(rs) > 0)
            .sorted(Comparator.comparingLong(RollbackOperation::revision).reversed())
            .toList();
    long current =
        Optional.ofNullable(Workloads.annotation(deployment, Annotations.REVISION))
            .map(RollbackOperation::parse)
            .filter(r -> r > 0)
            .orElse(owned.isEmpty() ? 0 : revision(owned.get(0)));
    Optional<ReplicaSet> previous =
        owned.stream()
            .filter(rs -> wanted == null ? revision(rs) < current : revision(rs) == wanted)
            .findFirst();
    if (previous.isEmpty() && wanted != null) {
      throw ActionFailure.permanent(
          target.who() + ": " + target.what() + " has no revision " + wanted + " any more");
    }
    if (previous.isEmpty()) {
      throw ActionFailure.permanent(
          target.who()
              + ": "
              + target.what()
              + " has no previous revision to roll back to (current revision "
              + current
              + ")");
    }
    ReplicaSet rs = previous.get();
    return new Plan(
        current, revision(rs), rs, withoutHash(json(client, rs.getSpec().getTemplate())));
  }

  /** The Deployment's template as the comparison sees it, without the hash label. */
  private static JsonNode current(KubernetesClient client, Deployment deployment) {
    return withoutHash(json(client, deployment.getSpec().getTemplate()));
  }

  private static JsonNode withoutHash(JsonNode template) {
    JsonNode labels = template.path("metadata").path("labels");
    if (labels instanceof ObjectNode l) {
      l.remove(HASH_LABEL);
    }
    return template;
  }

  private static void patch(
      KubernetesClient client,
      Target target,
      Deployment deployment,
      Plan plan,
      ActionContext context,
      boolean dryRun)
      throws ActionFailure {
    ArrayNode ops = Workloads.JSON.createArrayNode();
    ops.addObject()
        .put("op", "replace")
        .put("path", "/metadata/resourceVersion")
        .put("value", deployment.getMetadata().getResourceVersion());
    ops.addObject()
        .put("op", "replace")
        .put("path", "/spec/template")
        .set("value", plan.template());
    if (deployment.getMetadata().getAnnotations() == null) {
      ops.addObject().put("op", "add").put("path", "/metadata/annotations").putObject("value");
    }
    addAnnotation(ops, Annotations.KEY, context.idempotencyKey());
    addAnnotation(ops, Annotations.PREVIOUS_REVISION, Long.toString(plan.from()));
    String body = ops.toString();
    KubeErrors.call(
        target,
        "patch",
        () -> {
          var resource = Workloads.resource(client, target);
          return dryRun
              ? resource.dryRun().patch(JSON_PATCH, body)
              : resource.patch(JSON_PATCH, body);
        });
  }

  private static void addAnnotation(ArrayNode ops, String key, String value) {
    // JSON pointer escapes '/' as '~1'.
    ops.addObject()
        .put("op", "add")
        .put("path", "/metadata/annotations/" + key.replace("~", "~0").replace("/", "~1"))
        .put("value", value);
  }

  private static JsonNode json(KubernetesClient client, Object model) {
    try {
      return Workloads.JSON.readTree(client.getKubernetesSerialization().asJson(model));
    } catch (IOException e) {
      throw new UncheckedIOException("fabric8 wrote JSON that Jackson cannot read", e);
    }
  }

  private static boolean ownedBy(HasMetadata rs, String uid) {
    List<OwnerReference> owners = rs.getMetadata().getOwnerReferences();
    return uid != null
        && owners != null
        && owners.stream()
            .anyMatch(o -> uid.equals(o.getUid()) && !Boolean.FALSE.equals(o.getController()));
  }

  static long revision(HasMetadata rs) {
    return parse(Workloads.annotation(rs, Annotations.REVISION));
  }

  private static long parse(String revision) {
    try {
      return revision == null ? 0 : Long.parseLong(revision.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
