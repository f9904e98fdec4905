package dev.greenlight.action.kubernetes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.action.ActionFailure;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.Map;

/** Reads and patches the three workload kinds through one set of helpers. */
final class Workloads {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final PatchContext MERGE = PatchContext.of(PatchType.JSON_MERGE);

  private Workloads() {}

  static Resource<? extends HasMetadata> resource(KubernetesClient client, Target target) {
    Class<? extends HasMetadata> type =
        switch (target.kind()) {
          case DEPLOYMENT -> Deployment.class;
          case STATEFULSET -> StatefulSet.class;
          case DAEMONSET -> DaemonSet.class;
          case JOB -> throw new IllegalArgumentException("a job is not a workload here");
        };
    return client.resources(type).inNamespace(target.namespace()).withName(target.name());
  }

  /** The workload, or a permanent failure when it does not exist. */
  static HasMetadata get(KubernetesClient client, Target target) throws ActionFailure {
    HasMetadata workload = KubeErrors.call(target, "get", () -> resource(client, target).get());
    if (workload == null) {
      throw ActionFailure.permanent(
          target.who()
              + ": "
              + target.what()
              + " was not found (404 on get "
              + target.resource()
              + ")");
    }
    return workload;
  }

  /**
   * Sends a JSON merge patch; with {@code dryRun} the server checks it and changes nothing ({@code
   * dryRun=All}).
   */
  static HasMetadata mergePatch(
      KubernetesClient client, Target target, ObjectNode patch, boolean dryRun)
      throws ActionFailure {
    String body = patch.toString();
    return KubeErrors.call(
        target,
        "patch",
        () -> {
          Resource<? extends HasMetadata> resource = resource(client, target);
          return dryRun ? resource.dryRun().patch(MERGE, body) : resource.patch(MERGE, body);
        });
  }

  /**
   * A merge patch that sets workload annotations, and fails with a conflict when the workload
   * changed since {@code seen} was read (its resourceVersion is a precondition).
   */
  static ObjectNode annotate(HasMetadata seen, Map<String, String> annotations) {
    ObjectNode patch = JSON.createObjectNode();
    ObjectNode metadata = patch.putObject("metadata");
    metadata.put("resourceVersion", seen.getMetadata().getResourceVersion());
    ObjectNode notes = metadata.putObject("annotations");
    annotations.forEach(notes::put);
    return patch;
  }

  static String annotation(HasMetadata object, String key) {
    Map<String, String> annotations = object.getMetadata().getAnnotations();
    return annotations == null ? null : annotations.get(key);
  }

  static PodTemplateSpec template(HasMetadata w) {
    if (w instanceof Deployment d) {
      return d.getSpec().getTemplate();
    }
    if (w instanceof StatefulSet s) {
      return s.getSpec().getTemplate();
    }
    return ((DaemonSet) w).getSpec().getTemplate();
  }

  static LabelSelector selector(HasMetadata w) {
    if (w instanceof Deployment d) {
      return d.getSpec().getSelector();
    }
    if (w instanceof StatefulSet s) {
      return s.getSpec().getSelector();
    }
    return ((DaemonSet) w).getSpec().getSelector();
  }

  /** The replica count the spec asks for (a DaemonSet: the nodes it is scheduled on). */
  static int desired(HasMetadata w) {
    if (w instanceof Deployment d) {
      return orOne(d.getSpec().getReplicas());
    }
    if (w instanceof StatefulSet s) {
      return orOne(s.getSpec().getReplicas());
    }
    DaemonSet ds = (DaemonSet) w;
    Integer scheduled = ds.getStatus() == null ? null : ds.getStatus().getDesiredNumberScheduled();
    return scheduled == null ? 0 : scheduled;
  }

  /** How a restart replaces pods, in words: {@code rolling} or {@code all at once}. */
  static String strategy(HasMetadata w) {
    String type = null;
    if (w instanceof Deployment d && d.getSpec().getStrategy() != null) {
      type = d.getSpec().getStrategy().getType();
    } else if (w instanceof StatefulSet s && s.getSpec().getUpdateStrategy() != null) {
      type = s.getSpec().getUpdateStrategy().getType();
    } else if (w instanceof DaemonSet ds && ds.getSpec().getUpdateStrategy() != null) {
      type = ds.getSpec().getUpdateStrategy().getType();
    }
    if ("Recreate".equals(type)) {
      return "all at once";
    }
    if ("OnDelete".equals(type)) {
      return "only as pods are deleted (OnDelete)";
    }
    return w instanceof StatefulSet ? "rolling, one at a time" : "rolling";
  }

  private static int orOne(Integer replicas) {
    // The API server defaults a missing replica count to 1.
    return replicas == null ? 1 : replicas;
  }
}
