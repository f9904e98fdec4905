package dev.greenlight.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.worker.WorkerOptions;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The worker's capacity knobs: defaults when unset, each variable read, bad values named. */
class WorkerTuningTest {

  @Test
  void unsetVariablesKeepTheDefaults() {
    assertThat(WorkerTuning.fromEnv(Map.of())).isEqualTo(WorkerTuning.DEFAULT);
  }

  @Test
  void withoutStickyExecutionTheDefaultCacheIsSmallButAVariableStillWins() {
    WorkerTuning t = WorkerTuning.fromEnv(Map.of(), false);
    assertThat(t.cacheSize()).isEqualTo(WorkerTuning.NON_STICKY_CACHE).isLessThan(600);
    assertThat(t.threads()).isEqualTo(600);
    assertThat(WorkerTuning.fromEnv(Map.of("GREENLIGHT_WORKER_CACHE", "700"), false).cacheSize())
        .isEqualTo(700);
  }

  @Test
  void eachVariableReachesTheSdkOptions() {
    WorkerTuning t =
        WorkerTuning.fromEnv(
            Map.of(
                "GREENLIGHT_WORKER_CACHE", "2000",
                "GREENLIGHT_WORKER_TASK_SLOTS", "50",
                "GREENLIGHT_WORKER_POLLERS", "3"));

    assertThat(t.factoryOptions().getWorkflowCacheSize()).isEqualTo(2000);
    assertThat(t.factoryOptions().getMaxWorkflowThreadCount())
        .as("a cached execution holds a thread")
        .isEqualTo(2000);
    WorkerOptions o = GreenlightWorker.options(ServerKind.EMBEDDED, t);
    assertThat(o.getMaxConcurrentWorkflowTaskExecutionSize()).isEqualTo(50);
    assertThat(o.getMaxConcurrentWorkflowTaskPollers()).isEqualTo(3);
  }

  @Test
  void moreThreadsThanCacheAreKept() {
    WorkerTuning t =
        WorkerTuning.fromEnv(
            Map.of("GREENLIGHT_WORKER_CACHE", "100", "GREENLIGHT_WORKER_THREADS", "800"));

    assertThat(t.cacheSize()).isEqualTo(100);
    assertThat(t.threads()).isEqualTo(800);
  }

  @Test
  void aBadValueNamesItsVariableAndTheValue() {
    assertThatThrownBy(() -> WorkerTuning.fromEnv(Map.of("GREENLIGHT_WORKER_CACHE", "lots")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("GREENLIGHT_WORKER_CACHE")
        .hasMessageContaining("'lots'");
    assertThatThrownBy(() -> WorkerTuning.fromEnv(Map.of("GREENLIGHT_WORKER_POLLERS", "0")))
        .hasMessageContaining("GREENLIGHT_WORKER_POLLERS")
        .hasMessageContaining("got 0");
    assertThatThrownBy(
            () ->
                WorkerTuning.fromEnv(
                    Map.of("GREENLIGHT_WORKER_CACHE", "900", "GREENLIGHT_WORKER_THREADS", "100")))
        .hasMessageContaining("GREENLIGHT_WORKER_THREADS")
        .hasMessageContaining("between 900");
  }
}
