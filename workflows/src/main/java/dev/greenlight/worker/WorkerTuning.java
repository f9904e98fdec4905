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

  /**
   * The default cache without sticky execution (a standalone dev server): every workflow task
   * brings the full history and is replayed whatever the cache holds, so cached executions only
   * cost heap (~35 KiB each) and a thread each. Measured with 2,000 waiting: cache 100 filled in 66
   * s with 38 MiB and 448 threads, 600 in 87 s with 48 MiB and 684, 2,000 in 103 s with 100 MiB and
   * 2,088; the release took the same (docs/performance.md).
   */
  static final int NON_STICKY_CACHE = 100;

  public WorkerTuning {
    threads = Math.max(threads, cacheSize);
  }

  /** Reads the {@code GREENLIGHT_WORKER_*} variables; a bad value names its variable. */
  public static WorkerTuning fromEnv(Map<String, String> env) {
    return fromEnv(env, true);
  }

  /**
   * As {@link #fromEnv(Map)}, with the default cache for a worker with or without sticky execution
   * ({@link ServerKind#stickyExecution}).
   */
  public static WorkerTuning fromEnv(Map<String, String> env, boolean sticky) {
    int defaultCache = sticky ? DEFAULT.cacheSize : NON_STICKY_CACHE;
    int cache = read(env, "GREENLIGHT_WORKER_CACHE", defaultCache, 1);
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

  /** The factory options these knobs make: the workflow cache and the workflow threads. */
  public WorkerFactoryOptions factoryOptions() {
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
