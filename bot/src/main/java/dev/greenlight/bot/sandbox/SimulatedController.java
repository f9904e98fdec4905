package dev.greenlight.bot.sandbox;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one controller of the simulated cluster, for its demo namespace: it keeps each Deployment's
 * pods at its replica count (pods of an older template are replaced, as a rollout does) and writes
 * the status the Deployment controller would. A Deployment's pods crashloop (not Ready) until it
 * was restarted ({@code kubectl.kubernetes.io/restartedAt} on its template); then its rollout
 * completes.
 */
final class SimulatedController {
  static final String RESTARTED_AT = "kubectl.kubernetes.io/restartedAt";
  private static final Logger log = LoggerFactory.getLogger(SimulatedController.class);

  private final KubernetesClient client;
  private final String namespace;

  SimulatedController(KubernetesClient client, String namespace) {
    this.client = client;
    this.namespace = namespace;
  }

  /** One pass over every Deployment; a conflict with a concurrent change waits for the next. */
  void reconcile() {
    for (Deployment d : client.apps().deployments().inNamespace(namespace).list().getItems()) {
      try {
        reconcile(d);
      } catch (KubernetesClientException e) {
        log.debug(
            "Simulated controller: {} next time ({})", d.getMetadata().getName(), e.getCode());
      }
    }
  }

  private void reconcile(Deployment d) {
    String name = d.getMetadata().getName();
    String hash = hash(d);
    boolean healthy = restarted(d);
    int wanted = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
    List<Pod> pods = pods(name);
    for (Pod p : pods) {
      if (!hash.equals(p.getMetadata().getLabels().get("pod-template-hash"))) {
        client.pods().inNamespace(namespace).resource(p).delete();
      }
    }
    List<Pod> current =
        pods.stream()
            .filter(p -> hash.equals(p.getMetadata().getLabels().get("pod-template-hash")))
            .toList();
    for (int i = current.size(); i < wanted; i++) {
      client.pods().inNamespace(namespace).resource(pod(d, hash, healthy)).create();
    }
    for (int i = wanted; i < current.size(); i++) {
      client.pods().inNamespace(namespace).resource(current.get(i)).delete();
    }
    int ready = healthy ? wanted : 0;
    Long generation = d.getMetadata().getGeneration();
    DeploymentStatus status =
        new DeploymentStatusBuilder()
            .withObservedGeneration(generation == null ? 1L : generation)
            .withReplicas(wanted)
            .withUpdatedReplicas(wanted)
            .withReadyReplicas(ready)
            .withAvailableReplicas(ready)
            .withUnavailableReplicas(wanted - ready)
            .build();
    if (!status.equals(d.getStatus())) {
      d.setStatus(status);
      client.apps().deployments().inNamespace(namespace).resource(d).updateStatus();
    }
  }

  static boolean restarted(Deployment d) {
    Map<String, String> a = d.getSpec().getTemplate().getMetadata().getAnnotations();
    return a != null && a.get(RESTARTED_AT) != null;
  }

  private List<Pod> pods(String app) {
    return client.pods().inNamespace(namespace).withLabel("app", app).list().getItems();
  }

  /** A stand-in for the pod-template hash: changes whenever the template does. */
  private static String hash(Deployment d) {
    return Integer.toHexString(Objects.hashCode(d.getSpec().getTemplate()) & 0xfffffff);
  }

  private Pod pod(Deployment d, String hash, boolean ready) {
    String app = d.getMetadata().getName();
    PodBuilder pod =
        new PodBuilder()
            .withNewMetadata()
            .withName(app + "-" + hash + "-" + UUID.randomUUID().toString().substring(0, 5))
            .withNamespace(namespace)
            .addToLabels(d.getSpec().getTemplate().getMetadata().getLabels())
            .addToLabels("pod-template-hash", hash)
            .endMetadata()
            .withSpec(d.getSpec().getTemplate().getSpec());
    var status =
        pod.withNewStatus()
            .withPhase("Running")
            .addNewCondition()
            .withType("Ready")
            .withStatus(ready ? "True" : "False")
            .endCondition();
    if (!ready) {
      status
          .addNewContainerStatus()
          .withName("app")
          .withReady(false)
          .withRestartCount(7)
          .withNewState()
          .withNewWaiting()
          .withReason("CrashLoopBackOff")
          .endWaiting()
          .endState()
          .endContainerStatus();
    }
    return status.endStatus().build();
  }
}
