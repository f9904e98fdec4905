package dev.greenlight.action.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.action.kubernetes.RolloutStatus.State;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import org.junit.jupiter.api.Test;

/** What {@code kubectl rollout status} checks for StatefulSets and DaemonSets, one read each. */
class KubeRolloutStatusTest {
  private static StatefulSet statefulSet(
      long observed, int ready, int updated, String current, String update, Integer partition) {
    return new StatefulSetBuilder()
        .withNewMetadata()
        .withName("db")
        .withGeneration(2L)
        .endMetadata()
        .withNewSpec()
        .withReplicas(3)
        .withNewUpdateStrategy()
        .withType("RollingUpdate")
        .withNewRollingUpdate()
        .withPartition(partition)
        .endRollingUpdate()
        .endUpdateStrategy()
        .endSpec()
        .withNewStatus()
        .withObservedGeneration(observed)
        .withReadyReplicas(ready)
        .withUpdatedReplicas(updated)
        .withCurrentRevision(current)
        .withUpdateRevision(update)
        .endStatus()
        .build();
  }

  @Test
  void aStatefulSetIsDoneWhenObservedReadyAndAtTheUpdateRevision() {
    assertThat(RolloutStatus.of(statefulSet(1, 3, 3, "r1", "r1", null)))
        .isEqualTo(
            new RolloutStatus(
                State.WAITING, "statefulset db: waiting for the spec update to be observed"));
    assertThat(RolloutStatus.of(statefulSet(2, 2, 3, "r1", "r2", null)).message())
        .isEqualTo("statefulset db: waiting for 1 pods to be ready");
    assertThat(RolloutStatus.of(statefulSet(2, 3, 2, "r1", "r2", null)).message())
        .isEqualTo("statefulset db: waiting for the rolling update to reach revision r2");
    assertThat(RolloutStatus.of(statefulSet(2, 3, 3, "r2", "r2", null)).state())
        .isEqualTo(State.DONE);
  }

  @Test
  void aPartitionedStatefulSetIsDoneWhenThePodsAboveThePartitionAreUpdated() {
    assertThat(RolloutStatus.of(statefulSet(2, 3, 0, "r1", "r2", 2)).state())
        .isEqualTo(State.WAITING);
    assertThat(RolloutStatus.of(statefulSet(2, 3, 1, "r1", "r2", 2)).state()).isEqualTo(State.DONE);
  }

  private static DaemonSet daemonSet(String strategy, int desired, int updated, int available) {
    return new DaemonSetBuilder()
        .withNewMetadata()
        .withName("agent")
        .withGeneration(1L)
        .endMetadata()
        .withNewSpec()
        .withNewUpdateStrategy()
        .withType(strategy)
        .endUpdateStrategy()
        .endSpec()
        .withNewStatus()
        .withObservedGeneration(1L)
        .withDesiredNumberScheduled(desired)
        .withUpdatedNumberScheduled(updated)
        .withNumberAvailable(available)
        .endStatus()
        .build();
  }

  @Test
  void aDaemonSetIsDoneWhenEveryScheduledPodIsUpdatedAndAvailable() {
    assertThat(RolloutStatus.of(daemonSet("RollingUpdate", 4, 3, 3)).message())
        .isEqualTo("daemonset agent: 3 out of 4 new pods have been updated");
    assertThat(RolloutStatus.of(daemonSet("RollingUpdate", 4, 4, 3)).message())
        .isEqualTo("daemonset agent: 3 of 4 updated pods are available");
    assertThat(RolloutStatus.of(daemonSet("RollingUpdate", 4, 4, 4)).state()).isEqualTo(State.DONE);
  }

  @Test
  void onDeleteCannotBeWaitedFor() {
    assertThat(RolloutStatus.of(daemonSet("OnDelete", 4, 0, 4)))
        .isEqualTo(
            new RolloutStatus(
                State.FAILED, "daemonset agent: rollout status needs the RollingUpdate strategy"));
  }
}
