package dev.greenlight.bot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's simulated cluster on its own: pods crashloop until the Deployment is restarted,
 * rollouts complete, dry runs change nothing, and RBAC refusals answer 403.
 */
class SimulatedClusterTest {
  private final SimulatedCluster cluster = SimulatedCluster.start();

  @AfterEach
  void close() {
    cluster.close();
  }

  private List<Pod> pods() {
    return cluster
        .client()
        .pods()
        .inNamespace(SimulatedCluster.NAMESPACE)
        .withLabel("app", SimulatedCluster.SERVICE)
        .list()
        .getItems();
  }

  private static boolean ready(Pod p) {
    return p.getStatus().getConditions().stream()
        .anyMatch(c -> c.getType().equals("Ready") && c.getStatus().equals("True"));
  }

  private void restart(boolean dryRun) {
    var d =
        cluster
            .client()
            .apps()
            .deployments()
            .inNamespace(SimulatedCluster.NAMESPACE)
            .withName(SimulatedCluster.SERVICE);
    Deployment patch = d.get();
    patch
        .getSpec()
        .getTemplate()
        .getMetadata()
        .setAnnotations(Map.of(SimulatedController.RESTARTED_AT, "2026-12-01T10:00:00Z"));
    if (dryRun) {
      d.dryRun().patch(patch);
    } else {
      d.patch(patch);
    }
  }

  @Test
  void podsCrashloopUntilTheDeploymentIsRestartedThenTheRolloutCompletes() {
    await().atMost(Duration.ofSeconds(10)).until(() -> pods().size() == 2);
    assertThat(pods()).noneMatch(SimulatedClusterTest::ready);
    assertThat(cluster.deployment().getStatus().getAvailableReplicas()).isZero();

    restart(true);
    await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> true);
    assertThat(SimulatedController.restarted(cluster.deployment())).as("a dry run").isFalse();
    assertThat(pods()).noneMatch(SimulatedClusterTest::ready);

    restart(false);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> pods().size() == 2 && pods().stream().allMatch(SimulatedClusterTest::ready));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> cluster.deployment().getStatus().getAvailableReplicas() == 2);
    assertThat(cluster.deployment().getStatus().getUpdatedReplicas()).isEqualTo(2);
  }

  @Test
  void aForbiddenVerbAnswers403NamingIt() {
    cluster.forbid("PATCH", "patch");

    KubernetesClientException e =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            () -> restart(false), KubernetesClientException.class);
    assertThat(e.getCode()).isEqualTo(403);
    assertThat(e.getMessage()).contains("cannot patch resource \"deployments\"");
  }
}
