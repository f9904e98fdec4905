package dev.greenlight.action.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.greenlight.action.ActionContext;
import dev.greenlight.action.ActionFailure;
import dev.greenlight.api.ActionResult;
import dev.greenlight.config.ActionSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code rollout-restart} at the wire: one merge patch, stamped with the key, applied once. */
@EnableKubernetesMockClient(crud = true, https = false)
class KubernetesRolloutRestartTest {
  KubernetesClient client;
  KubernetesMockServer server;
  private KubeFixture kube;
  private ActionSpec restart;

  @BeforeEach
  void setUp() {
    kube = new KubeFixture(client, server);
    restart =
        KubeFixture.catalog(
                """
                action:
                  type: kubernetes
                  namespace: shop
                  kind: deployment
                  name: "{service}"
                  rollout-restart: {}
                """)
            .runbooks()
            .get(0)
            .action();
  }

  @AfterEach
  void tearDown() {
    kube.close();
  }

  @Test
  void restartSetsRestartedAtOnThePodTemplateAndStampsTheKey() throws Exception {
    kube.deployment(3);
    kube.requests();

    ActionResult result = kube.kinds.run(restart, kube.context());

    assertThat(result.type()).isEqualTo("kubernetes");
    assertThat(result.idempotencyKey()).isEqualTo(KubeFixture.KEY);
    assertThat(result.summary())
        .isEqualTo("rollout restart deployment/checkout-api in shop (3 pods, rolling)");
    var d = kube.readDeployment();
    assertThat(d.getSpec().getTemplate().getMetadata().getAnnotations())
        .containsEntry("kubectl.kubernetes.io/restartedAt", "2026-12-01T10:00:00Z");
    assertThat(d.getMetadata().getAnnotations())
        .containsEntry("greenlight.dev/idempotency-key", KubeFixture.KEY);
    assertThat(kube.writes())
        .containsExactly("PATCH /apis/apps/v1/namespaces/shop/deployments/checkout-api");
  }

  @Test
  void aRetriedRestartRestartsOnce() throws Exception {
    kube.deployment(3);
    kube.kinds.run(restart, kube.context());
    kube.requests();

    ActionResult again = kube.kinds.run(restart, kube.context());

    assertThat(again.summary()).contains("already restarted under this approval");
    assertThat(kube.writes()).as("the retry sends no patch").isEmpty();
  }

  @Test
  void anotherApprovalRestartsAgain() throws Exception {
    kube.deployment(3);
    kube.kinds.run(restart, kube.context());
    kube.requests();
    var other =
        new ActionContext(
            "GL-OTHER001",
            "incident-GL-OTHER001",
            KubeFixture.RUNBOOK,
            kube.context().vars(),
            "incident-GL-OTHER001:" + KubeFixture.RUNBOOK,
            kube.heartbeats::add);

    kube.kinds.run(restart, other);

    assertThat(kube.writes()).hasSize(1);
    assertThat(kube.readDeployment().getMetadata().getAnnotations())
        .containsEntry("greenlight.dev/idempotency-key", "incident-GL-OTHER001:fix-checkout");
  }

  @Test
  void previewIsAServerSideDryRunAndSaysWhatWillChange() throws Exception {
    kube.deployment(3);
    kube.requests();

    assertThat(kube.kinds.preview(restart, kube.context()))
        .hasValue("restart deployment checkout-api in shop (3 pods, rolling)");

    KubeFixture.assertDryRun(kube.writes());
  }

  @Test
  void aStatefulSetRestartsTheSameWayOneAtATime() throws Exception {
    client
        .apps()
        .statefulSets()
        .inNamespace("shop")
        .resource(
            new StatefulSetBuilder()
                .withNewMetadata()
                .withName("checkout-api-db")
                .endMetadata()
                .withNewSpec()
                .withReplicas(2)
                .withNewSelector()
                .addToMatchLabels("app", "db")
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .addToLabels("app", "db")
                .endMetadata()
                .endTemplate()
                .endSpec()
                .build())
        .create();
    ActionSpec db =
        KubeFixture.catalog(
                """
                action:
                  type: kubernetes
                  namespace: shop
                  kind: StatefulSet
                  name: "{service}-db"
                  rollout-restart: {}
                """)
            .runbooks()
            .get(0)
            .action();

    assertThat(kube.kinds.run(db, kube.context()).summary())
        .isEqualTo(
            "rollout restart statefulset/checkout-api-db in shop (2 pods, rolling, one at a time)");
    assertThat(
            client
                .apps()
                .statefulSets()
                .inNamespace("shop")
                .withName("checkout-api-db")
                .get()
                .getSpec()
                .getTemplate()
                .getMetadata()
                .getAnnotations())
        .containsKey("kubectl.kubernetes.io/restartedAt");
  }

  @Test
  void aServiceThatRendersToNoKubernetesNameIsRefusedBeforeAnyRequest() throws Exception {
    kube.requests();
    var context =
        new ActionContext(
            "GL-1A2B3C4D",
            KubeFixture.WORKFLOW,
            KubeFixture.RUNBOOK,
            Map.of("service", "checkout_api", "incident", "GL-1A2B3C4D"),
            KubeFixture.KEY,
            kube.heartbeats::add);

    ActionFailure failure =
        catchThrowableOfType(() -> kube.kinds.run(restart, context), ActionFailure.class);

    assertThat(failure.permanent()).isTrue();
    assertThat(failure)
        .hasMessage(
            "action fix-checkout: name 'checkout_api' is not a valid Kubernetes name for this"
                + " service");
    assertThat(kube.requests()).isEmpty();
  }
}
