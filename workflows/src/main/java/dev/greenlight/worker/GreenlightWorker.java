package dev.greenlight.worker;

import dev.greenlight.activities.ClassifyActivitiesImpl;
import dev.greenlight.activities.NotificationActivities;
import dev.greenlight.activities.RemediationActivitiesImpl;
import dev.greenlight.classify.EmbeddingClassifier;
import dev.greenlight.config.GreenlightConfig;
import dev.greenlight.workflows.RemediationWorkflow;
import dev.greenlight.workflows.RemediationWorkflowImpl;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The worker: hosts the workflow and every activity on {@link RemediationWorkflow#TASK_QUEUE}. */
public final class GreenlightWorker implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(GreenlightWorker.class);

  private final WorkerFactory factory;

  private GreenlightWorker(WorkerFactory factory) {
    this.factory = factory;
  }

  /**
   * Loads the model once, registers everything and starts polling. {@code notifications} is the
   * Slack side, supplied by the bot module.
   */
  public static GreenlightWorker start(
      TemporalConnection temporal, GreenlightConfig config, NotificationActivities notifications) {
    long t0 = System.nanoTime();
    EmbeddingClassifier classifier = new EmbeddingClassifier(config.runbooks());
    log.info(
        "Classifier ready: {} ({} ms)",
        EmbeddingClassifier.MODEL,
        (System.nanoTime() - t0) / 1_000_000);
    WorkerFactory factory = WorkerFactory.newInstance(temporal.client());
    Worker worker =
        factory.newWorker(RemediationWorkflow.TASK_QUEUE, options(temporal.isDevServer()));
    worker.registerWorkflowImplementationTypes(RemediationWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        new ClassifyActivitiesImpl(config, classifier),
        new RemediationActivitiesImpl(config, new OkHttpClient()),
        notifications);
    factory.start();
    log.info("Worker polling task queue '{}'", RemediationWorkflow.TASK_QUEUE);
    return new GreenlightWorker(factory);
  }

  /**
   * Against the dev server, sticky execution is off: the SDK's test server never moves a workflow
   * task off a dead worker's sticky queue, and a zero timeout makes the SDK send no sticky
   * attributes. Against a real cluster, sticky execution stays on.
   */
  static WorkerOptions options(boolean devServer) {
    WorkerOptions.Builder b = WorkerOptions.newBuilder();
    if (devServer) {
      b.setStickyQueueScheduleToStartTimeout(Duration.ZERO);
    }
    return b.build();
  }

  @Override
  public void close() {
    factory.shutdown();
    factory.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
  }
}
