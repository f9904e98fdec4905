package dev.greenlight.action.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.greenlight.action.ActionContext;
import dev.greenlight.action.ActionFailure;
import dev.greenlight.api.ActionResult;
import dev.greenlight.api.UndoPlan;
import dev.greenlight.config.ActionSpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Undo at the wire: a scale's and a rollback's result carries the state before the change, and the
 * Undo restores it once, under its own idempotency key; operations without an inverse offer none.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class KubernetesUndoTest {
  private static final String UNDO_KEY = KubeFixture.KEY + ":undo";

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

  private static ActionContext undoContext() {
    return new ActionContext(
        "GL-1A2B3C4D",
        KubeFixture.WORKFLOW,
        KubeFixture.RUNBOOK,
        Map.of("service", "checkout-api", "incident", "GL-1A2B3C4D"),
        UNDO_KEY,
        beat -> {});
  }

  @Test
  void aScaleOffersToScaleBackAndTheUndoRunsOnce() throws Exception {
    kube.deployment(3);
    ActionSpec scale = action("scale: {replicas: 6}");

    UndoPlan plan = kube.kinds.run(scale, kube.context()).undo();
    assertThat(plan)
        .isEqualTo(new UndoPlan(UndoPlan.Kind.SCALE, 3, "scale back to 3 replicas", 3600));
    // A retry of the action finds its key, changes nothing and still knows what to undo.
    assertThat(kube.kinds.run(scale, kube.context()).undo()).isEqualTo(plan);
    kube.requests();

    ActionResult undone = kube.kinds.undo(scale, undoContext(), plan);
    assertThat(undone.summary())
        .isEqualTo("scale deployment/checkout-api in shop back: replicas 6 -> 3");
    assertThat(kube.kinds.undo(scale, undoContext(), plan).summary()).contains("already undone");

    assertThat(kube.writes()).hasSize(1);
    assertThat(kube.readDeployment().getSpec().getReplicas()).isEqualTo(3);
    assertThat(kube.readDeployment().getMetadata().getAnnotations())
        .containsEntry("greenlight.dev/idempotency-key", UNDO_KEY);
  }

  @Test
  void aRollbackOffersToGoBackToTheRevisionItLeft() throws Exception {
    kube.twoRevisions();
    ActionSpec rollback = action("rollback: {}");

    UndoPlan plan = kube.kinds.run(rollback, kube.context()).undo();
    assertThat(plan.kind()).isEqualTo(UndoPlan.Kind.ROLLBACK);
    assertThat(plan.value()).isEqualTo(42);
    assertThat(plan.description()).isEqualTo("roll back to revision 42");

    assertThat(kube.kinds.undo(rollback, undoContext(), plan).summary())
        .isEqualTo(
            "roll back deployment/checkout-api in shop to revision 42 (image shop/checkout:1.9.0)");
    assertThat(
            kube.readDeployment()
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getImage())
        .isEqualTo("shop/checkout:1.9.0");
  }

  @Test
  void theCatalogSetsTheWindowAndZeroOffersNoUndo() throws Exception {
    kube.deployment(3);
    assertThat(kube.kinds.run(action("scale: {replicas: 4}\n  undo-window: 10m"), kube.context()))
        .extracting(r -> r.undo().windowSeconds())
        .isEqualTo(600L);
    assertThat(kube.kinds.run(action("scale: {replicas: 4}\n  undo: false"), kube.context()))
        .extracting(ActionResult::undo)
        .isNull();
    assertThat(
            catchThrowableOfType(
                () -> action("rollout-restart: {}\n  undo-window: 1h"), RuntimeException.class))
        .hasMessageContaining("undo-window")
        .hasMessageContaining("rollout-restart has no inverse to undo");
    assertThat(
            catchThrowableOfType(
                () -> action("scale: {replicas: 4}\n  undo-window: 25h"), RuntimeException.class))
        .hasMessageContaining("undo-window must be at most 24h");
  }

  @Test
  void operationsWithoutAnInverseOfferNoneAndRefuseAForeignPlan() throws Exception {
    kube.deployment(3);
    kube.pod("checkout-api-1", true);
    ActionSpec restart = action("rollout-restart: {}");

    assertThat(kube.kinds.run(restart, kube.context()).undo()).isNull();
    ActionFailure refused =
        catchThrowableOfType(
            () ->
                kube.kinds.undo(
                    restart,
                    undoContext(),
                    new UndoPlan(UndoPlan.Kind.SCALE, 0, "scale back to 0 replicas", 60)),
            ActionFailure.class);
    assertThat(refused.permanent()).isTrue();
    assertThat(refused).hasMessageContaining("rollout-restart has no scale to undo");
    assertThat(kube.readDeployment().getSpec().getReplicas()).isEqualTo(3);
    assertThat(List.of(kube.readDeployment().getMetadata().getAnnotations()))
        .noneMatch(a -> a != null && UNDO_KEY.equals(a.get("greenlight.dev/idempotency-key")));
  }
}
