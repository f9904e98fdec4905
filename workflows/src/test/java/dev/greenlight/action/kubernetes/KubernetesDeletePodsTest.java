package dev.greenlight.action.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.config.ActionSpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code delete-pods} at the wire: the blast radius holds across retries. */
@EnableKubernetesMockClient(crud = true, https = false)
class KubernetesDeletePodsTest {
  KubernetesClient client;
  KubernetesMockServer server;
  private KubeFixture kube;

  @BeforeEach
  void setUp() {
    kube = new KubeFixture(client, server);
    kube.deployment(5);
  }

  @AfterEach
  void tearDown() {
    kube.close();
  }

  private static ActionSpec deletePods(String keys) {
    return KubeFixture.catalog(
            """
            action:
              type: kubernetes
              namespace: shop
              kind: deployment
              name: "{service}"
              delete-pods: %s
            """
                .formatted(keys))
        .runbooks()
        .get(0)
        .action();
  }

  @Test
  void deletesOnlyNotReadyPodsUpToMax() throws Exception {
    kube.pod("web-a", true);
    kube.pod("web-b", false);
    kube.pod("web-c", false);
    kube.pod("web-d", false);
    kube.pod("web-e", true);

    String summary =
        kube.kinds.run(deletePods("{max: 2, only-not-ready: true}"), kube.context()).summary();

    assertThat(summary)
        .isEqualTo("deleted 2 pod(s) of deployment/checkout-api in shop (not Ready): web-b, web-c");
    assertThat(kube.podNames()).containsExactly("web-a", "web-d", "web-e");
  }

  @Test
  void retriesNeverDeleteMoreThanMaxInTotal() throws Exception {
    kube.pod("web-a", false);
    kube.pod("web-b", false);
    kube.pod("web-c", false);
    ActionSpec spec = deletePods("{max: 2, only-not-ready: true}");

    kube.kinds.run(spec, kube.context());
    // The controller replaces the deleted pods, and the new ones are not Ready yet either.
    kube.pod("web-x", false);
    kube.pod("web-y", false);
    kube.kinds.run(spec, kube.context());
    kube.kinds.run(spec, kube.context());

    assertThat(kube.podNames()).containsExactly("web-c", "web-x", "web-y");
    assertThat(
            kube.readDeployment().getMetadata().getAnnotations().get("greenlight.dev/deleted-pods"))
        .isEqualTo("{\"key\":\"" + KubeFixture.KEY + "\",\"pods\":[\"web-a\",\"web-b\"]}");
  }

  @Test
  void aRetryAfterACrashBeforeTheDeletesDeletesTheRecordedPodsOnly() throws Exception {
    kube.pod("web-a", false);
    kube.pod("web-b", false);
    kube.pod("web-c", false);
    // An earlier attempt recorded its choice and died before deleting anything.
    var d = kube.readDeployment();
    d.getMetadata()
        .setAnnotations(
            Map.of(
                "greenlight.dev/deleted-pods",
                "{\"key\":\"" + KubeFixture.KEY + "\",\"pods\":[\"web-c\"]}"));
    client.apps().deployments().inNamespace("shop").resource(d).update();

    String summary =
        kube.kinds.run(deletePods("{max: 1, only-not-ready: true}"), kube.context()).summary();

    assertThat(summary).endsWith(": web-c");
    assertThat(kube.podNames()).containsExactly("web-a", "web-b");
  }

  @Test
  void withoutOnlyNotReadyNotReadyPodsGoFirst() throws Exception {
    kube.pod("web-a", true);
    kube.pod("web-b", true);
    kube.pod("web-c", false);

    kube.kinds.run(deletePods("{max: 2}"), kube.context());

    assertThat(kube.podNames()).containsExactly("web-b");
  }

  @Test
  void theCatalogSelectorNarrowsTheWorkloadsPods() throws Exception {
    kube.pod("web-a", false);
    var other = kube.pod("web-b", false);
    other.getMetadata().getLabels().put("tier", "checkout-api");
    client.pods().inNamespace("shop").resource(other).update();

    kube.kinds.run(deletePods("{max: 5, selector: {tier: \"{service}\"}}"), kube.context());

    assertThat(kube.podNames()).containsExactly("web-a");
  }

  @Test
  void previewIsADryRunCountingWhatWouldGo() throws Exception {
    kube.pod("web-a", true);
    kube.pod("web-b", false);
    kube.pod("web-c", false);
    kube.pod("web-d", true);
    kube.pod("web-e", true);
    kube.requests();

    assertThat(kube.kinds.preview(deletePods("{max: 3, only-not-ready: true}"), kube.context()))
        .hasValue("delete 2 of 5 pods (not Ready)");

    List<String> writes = kube.writes();
    KubeFixture.assertDryRun(writes);
    assertThat(writes).hasSize(2).allSatisfy(w -> assertThat(w).startsWith("DELETE "));
  }
}
