package dev.greenlight.action.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.greenlight.action.ActionFailure;
import dev.greenlight.config.ActionSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code scale} and {@code rollback} at the wire, their previews and their idempotency. */
@EnableKubernetesMockClient(crud = true, https = false)
class KubernetesScaleAndRollbackTest {
  KubernetesClient client;
  KubernetesMockServer server;
  private KubeFixture kube;

  @BeforeEach
  void setUp() {
    kube = new KubeFixture(client, server);
  }

  @AfterEach
  void tearDown() {
    kube.close();
  }

  private static ActionSpec action(String operation) {
    return KubeFixture.catalog(
            """
            action:
              type: kubernetes
              namespace: shop
              kind: deployment
              name: "{service}"
              %s
            """
                .formatted(operation))
        .runbooks()
        .get(0)
        .action();
  }

  @Test
  void scaleToAFixedCountRecordsThePreviousCount() throws Exception {
    kube.deployment(3);
    ActionSpec scale = action("scale: {replicas: 6}");

    assertThat(kube.kinds.run(scale, kube.context()).summary())
        .isEqualTo("scale deployment/checkout-api in shop: replicas 3 -> 6");

    Deployment d = kube.readDeployment();
    assertThat(d.getSpec().getReplicas()).isEqualTo(6);
    assertThat(d.getMetadata().getAnnotations())
        .containsEntry("greenlight.dev/previous-replicas", "3")
        .containsEntry("greenlight.dev/idempotency-key", KubeFixture.KEY);
  }

  @Test
  void scaleByAStepIsAppliedOnceAcrossRetriesAndStaysWithinMax() throws Exception {
    kube.deployment(3);
    ActionSpec scale = action("scale: {by: 2, max: 4}");

    assertThat(kube.kinds.run(scale, kube.context()).summary())
        .endsWith("replicas 3 -> 4 (capped at max 4)");
    kube.requests();
    assertThat(kube.kinds.run(scale, kube.context()).summary())
        .contains("already scaled under this approval (replicas 4)");

    assertThat(kube.writes()).isEmpty();
    assertThat(kube.readDeployment().getSpec().getReplicas()).isEqualTo(4);
  }

  @Test
  void scalePreviewIsADryRunSayingTheCounts() throws Exception {
    kube.deployment(3);
    kube.requests();

    assertThat(kube.kinds.preview(action("scale: {replicas: 6}"), kube.context()))
        .hasValue("replicas 3 -> 6");

    KubeFixture.assertDryRun(kube.writes());
  }

  private void twoRevisions() {
    kube.twoRevisions();
  }

  @Test
  void rollbackRestoresThePreviousRevisionsTemplateWithoutItsHashLabel() throws Exception {
    twoRevisions();

    assertThat(kube.kinds.run(action("rollback: {}"), kube.context()).summary())
        .isEqualTo(
            "roll back deployment/checkout-api in shop from revision 42 to revision 41"
                + " (image shop/checkout:1.8.2)");

    Deployment d = kube.readDeployment();
    assertThat(d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
        .isEqualTo("shop/checkout:1.8.2");
    assertThat(d.getSpec().getTemplate().getMetadata().getLabels())
        .containsEntry("app", "checkout-api")
        .doesNotContainKey("pod-template-hash");
    assertThat(d.getMetadata().getAnnotations())
        .containsEntry("greenlight.dev/previous-revision", "42")
        .containsEntry("greenlight.dev/idempotency-key", KubeFixture.KEY);
  }

  @Test
  void aRetriedRollbackRollsBackOnce() throws Exception {
    twoRevisions();
    kube.kinds.run(action("rollback: {}"), kube.context());
    kube.requests();

    assertThat(kube.kinds.run(action("rollback: {}"), kube.context()).summary())
        .contains("already rolled back under this approval");
    assertThat(kube.writes()).isEmpty();
  }

  @Test
  void rollbackPreviewNamesTheRevisionAndImage() throws Exception {
    twoRevisions();
    kube.requests();

    assertThat(kube.kinds.preview(action("rollback: {}"), kube.context()))
        .hasValue("roll back to revision 41 (image shop/checkout:1.8.2)");
    KubeFixture.assertDryRun(kube.writes());
  }

  @Test
  void aDeploymentWithoutAnEarlierRevisionCannotBeRolledBack() {
    kube.deployment(3);

    ActionFailure failure =
        catchThrowableOfType(
            () -> kube.kinds.run(action("rollback: {}"), kube.context()), ActionFailure.class);

    assertThat(failure.permanent()).isTrue();
    assertThat(failure)
        .hasMessage(
            "action fix-checkout: deployment/checkout-api in shop has no previous revision to"
                + " roll back to (current revision 0)");
  }

  @Test
  void aRollbackToATemplateAlreadyInPlaceIsSkipped() throws Exception {
    twoRevisions();
    // Revision 41's template is already the Deployment's (someone rolled back by hand).
    Deployment d = kube.readDeployment();
    d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("shop/checkout:1.8.2");
    client.apps().deployments().inNamespace("shop").resource(d).update();
    kube.requests();

    assertThat(kube.kinds.run(action("rollback: {}"), kube.context()).summary())
        .isEqualTo(
            "roll back deployment/checkout-api in shop: skipped, the current template already"
                + " matches revision 41");
    assertThat(kube.writes()).isEmpty();
  }
}
