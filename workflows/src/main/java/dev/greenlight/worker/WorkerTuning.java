package dev.greenlight.worker;

import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import java.util.Map;

/**
 * The worker's capacity knobs, from {@code GREENLIGHT_WORKER_*} environment variables; each unset
 * one keeps its default. See docs/configuration.md and docs/performance.md (how the defaults were
 * chosen).
 *
 * @param cacheSize workflow executions kept in memory between tasks ({@code
 *     GREENLIGHT_WORKER_CACHE}); one evicted is replayed from its history on its next task
 * @param threads most workflow threads at once ({@code GREENLIGHT_WORKER_THREADS}); each cached
 *     execution holds one, so it is at least {@code cacheSize}
 * @param taskSlots workflow tasks run at once ({@code GREENLIGHT_WORKER_TASK_SLOTS})
 * @param pollers workflow-task pollers ({@code GREENLIGHT_WORKER_POLLERS})
 */
public record WorkerTuning(int cacheSize, int threads, int taskSlots, int pollers) {
  /** The defaults: the SDK's cache and threads (600), its task slots (200), and 5 pollers. */
  public static final WorkerTuning DEFAULT = new WorkerTuning(600, 600, 200, 5);

  public WorkerTuning {
    threads = Math.max(threads, cacheSize);
  }

  /** Reads the {@code GREENLIGHT_WORKER_*} variables; a bad value names its variable. */
  public static WorkerTuning fromEnv(Map<String, String> env) {
    int cache = read(env, "GREENLIGHT_WORKER_CACHE", DEFAULT.cacheSize, 1);
    int threads = read(env, "GREENLIGHT_WORKER_THREADS", Math.max(DEFAULT.threads, cache), cache);
    return new WorkerTuning(
        cache,
        threads,
        read(env, "GREENLIGHT_WORKER_TASK_SLOTS", DEFAULT.taskSlots, 1),
        read(env, "GREENLIGHT_WORKER_POLLERS", DEFAULT.pollers, 1));
  }

  private static int read(Map<String, String> env, String key, int fallback, int min) {
    String raw = env.get(key);
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    int value;
    try {
      value = Integer.parseInt(raw.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a whole number, got '" + raw + "'");
    }
    if (value < min || value > 100_000) {
      throw new IllegalArgumentException(
          key + " must be between " + min + " and 100000, got " + value);
    }
    return value;
  }

  WorkerFactoryOptions factoryOptions() {
    return WorkerFactoryOptions.newBuilder()
        .setWorkflowCacheSize(cacheSize)
        .setMaxWorkflowThreadCount(threads)
        .build();
  }

  WorkerOptions.Builder apply(WorkerOptions.Builder b) {
    return b.setMaxConcurrentWorkflowTaskExecutionSize(taskSlots)
        .setMaxConcurrentWorkflowTaskPollers(pollers);
  }

  /** For the start-up log line. */
  @Override
  public String toString() {
    return "cache "
        + cacheSize
        + ", threads "
        + threads
        + ", workflow task slots "
        + taskSlots
        + ", pollers "
        + pollers;
  }
}
