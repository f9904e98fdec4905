package dev.greenlight.action.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.action.ActionContext;
import dev.greenlight.action.ActionKinds;
import dev.greenlight.config.ConfigLoader;
import dev.greenlight.config.GreenlightConfig;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The kubernetes kinds against fabric8's mock API server in CRUD mode: a one-runbook catalog read
 * by the real loader, an {@link ActionKinds} with the kubernetes kinds registered, the run's
 * context, and the requests the server received.
 */
final class KubeFixture implements AutoCloseable {
  static final String WORKFLOW = "incident-GL-1A2B3C4D";
  static final String RUNBOOK = "fix-checkout";
  static final String KEY = WORKFLOW + ":" + RUNBOOK;
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

  final KubernetesClient client;
  final KubernetesMockServer server;
  final ActionKinds kinds;
  final List<String> heartbeats = new CopyOnWriteArrayList<>();
  private int taken;

  KubeFixture(KubernetesClient mockClient, KubernetesMockServer server) {
    // The mock's client, configured as the worker's are (no retries inside fabric8).
    this.client = KubeClients.build(mockClient.getConfiguration());
    this.server = server;
    KubeClients clients = KubeClients.of(client);
    this.kinds =
        ActionKinds.builder()
            .executor(new KubernetesActionExecutor(clients, CLOCK))
            .verifier(new KubernetesRolloutVerifier(clients))
            .build();
  }

  @Override
  public void close() {
    client.close();
  }

  /** The run's context for service {@code checkout-api}, recording heartbeats. */
  ActionContext context() {
    return context(heartbeats);
  }

  /** The run's context for service {@code checkout-api}, heartbeats going to {@code beats}. */
  static ActionContext context(List<String> beats) {
    return new ActionContext(
        "GL-1A2B3C4D",
        WORKFLOW,
        RUNBOOK,
        Map.of("service", "checkout-api", "incident", "GL-1A2B3C4D"),
        KEY,
        beats::add);
  }

  /** A catalog whose one runbook has this action and verification (indented YAML mappings). */
  static GreenlightConfig catalog(String action, String verify) {
    return ConfigLoader.parse(
        """
        services: [checkout-api]
        approvers: [U0ALICE]
        on-call: U0CAROL
        runbooks:
          - id: %s
            label: checkout-broken
            risk: medium
            examples: [checkout pods crashlooping]
        %s
        %s
        """
            .formatted(RUNBOOK, indent(action), indent(verify)),
        "test.yml");
  }

  /** A catalog with this action and a rollout check of deployment checkout-api in shop. */
  static GreenlightConfig catalog(String action) {
    return catalog(
        action,
        """
        verify:
          type: kubernetes-rollout
          namespace: shop
          kind: deployment
          name: "{service}"
        """);
  }

  private static String indent(String yaml) {
    return yaml.stripTrailing()
        .lines()
        .map(l -> "    " + l)
        .reduce((a, b) -> a + "\n" + b)
        .orElse("");
  }

  /** Deployment {@code checkout-api} in {@code shop}, selecting {@code app=checkout-api}. */
  Deployment deployment(int replicas) {
    Deployment d =
        new DeploymentBuilder()
            .withNewMetadata()
            .withName("checkout-api")
            .withNamespace("shop")
            .endMetadata()
            .withNewSpec()
            .withReplicas(replicas)
            .withNewSelector()
            .addToMatchLabels("app", "checkout-api")
            .endSelector()
            .withNewStrategy()
            .withType("RollingUpdate")
            .endStrategy()
            .withNewTemplate()
            .withNewMetadata()
            .addToLabels("app", "checkout-api")
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName("app")
            .withImage("shop/checkout:1.9.0")
            .endContainer()
            .endSpec()
            .endTemplate()
            .endSpec()
            .build();
    return client.apps().deployments().inNamespace("shop").resource(d).create();
  }

  Deployment readDeployment() {
    return client.apps().deployments().inNamespace("shop").withName("checkout-api").get();
  }

  /** A pod of the deployment, Ready or not. */
  Pod pod(String name, boolean ready) {
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace("shop")
            .addToLabels("app", "checkout-api")
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName("app")
            .withImage("shop/checkout:1.9.0")
            .endContainer()
            .endSpec()
            .withNewStatus()
            .addNewCondition()
            .withType("Ready")
            .withStatus(ready ? "True" : "False")
            .endCondition()
            .endStatus()
            .build();
    return client.pods().inNamespace("shop").resource(pod).create();
  }

  List<String> podNames() {
    return client.pods().inNamespace("shop").list().getItems().stream()
        .map(p -> p.getMetadata().getName())
        .sorted()
        .toList();
  }

  /** The requests the server received since the last call, as {@code METHOD path?query}. */
  List<String> requests() throws InterruptedException {
    List<String> out = new ArrayList<>();
    while (taken < server.getRequestCount()) {
      RecordedRequest r = server.takeRequest();
      taken++;
      out.add(r.getMethod() + " " + r.getPath());
    }
    return out;
  }

  /** The requests since the last call that changed something (not GET). */
  List<String> writes() throws InterruptedException {
    return requests().stream().filter(r -> !r.startsWith("GET ")).toList();
  }

  static void assertDryRun(List<String> writes) {
    assertThat(writes).isNotEmpty().allSatisfy(w -> assertThat(w).contains("dryRun=All"));
  }

  /** Revision 41 ran image 1.8.2, revision 42 (current) runs 1.9.0. */
  void twoRevisions() {
    Deployment d = deployment(3);
    d.getMetadata().setAnnotations(new HashMap<>());
    d.getMetadata().getAnnotations().put("deployment.kubernetes.io/revision", "42");
    d = client.apps().deployments().inNamespace("shop").resource(d).update();
    replicaSet(d, "checkout-api-41", "41", "shop/checkout:1.8.2");
    replicaSet(d, "checkout-api-42", "42", "shop/checkout:1.9.0");
    replicaSet(d, "checkout-api-40", "40", "shop/checkout:1.8.0");
  }

  void replicaSet(Deployment owner, String name, String revision, String image) {
    ReplicaSet rs =
        new ReplicaSetBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace("shop")
            .addToLabels("app", "checkout-api")
            .addToLabels("pod-template-hash", name)
            .addToAnnotations("deployment.kubernetes.io/revision", revision)
            .addNewOwnerReference()
            .withApiVersion("apps/v1")
            .withKind("Deployment")
            .withName(owner.getMetadata().getName())
            .withUid(owner.getMetadata().getUid())
            .withController(true)
            .endOwnerReference()
            .endMetadata()
            .withNewSpec()
            .withReplicas(0)
            .withNewSelector()
            .addToMatchLabels("app", "checkout-api")
            .endSelector()
            .withNewTemplate()
            .withNewMetadata()
            .addToLabels("app", "checkout-api")
            .addToLabels("pod-template-hash", name)
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName("app")
            .withImage(image)
            .endContainer()
            .endSpec()
            .endTemplate()
            .endSpec()
            .build();
    client.apps().replicaSets().inNamespace("shop").resource(rs).create();
  }
}
