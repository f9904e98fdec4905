package dev.greenlight.bench;

import dev.greenlight.worker.GreenlightWorker;
import dev.greenlight.worker.ServerKind;
import dev.greenlight.worker.WorkerTuning;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The fill's floor: a workflow that does nothing but reach a wait, in the same worker JVM with the
 * same worker options as Greenlight's, on the same server. What bringing n of them to their wait
 * takes is what the server and the SDK alone cost; Greenlight's fill is measured against it.
 */
final class Floor {
  static final String TASK_QUEUE = "bench-floor";

  private Floor() {}

  /** Reaches its wait, tells the harness, and waits for {@link #release}. */
  @WorkflowInterface
  public interface WaitWorkflow {
    @WorkflowMethod
    void run(String harnessUrl);

    @SignalMethod
    void release();
  }

  /**
   * Tells the harness where a workflow is; counting only, so a repeat after a retry is harmless.
   */
  @ActivityInterface
  public interface Arrivals {
    void tell(String url);
  }

  /** One local activity to say it arrived (as the card's post does), then the wait. */
  public static final class WaitWorkflowImpl implements WaitWorkflow {
    private final Arrivals arrivals =
        Workflow.newLocalActivityStub(
            Arrivals.class,
            LocalActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofSeconds(30))
                .build());
    private boolean released;

    @Override
    public void run(String harnessUrl) {
      arrivals.tell(harnessUrl + "/floor/arrived");
      Workflow.await(() -> released);
      arrivals.tell(harnessUrl + "/floor/left");
    }

    @Override
    public void release() {
      released = true;
    }
  }

  static final class ArrivalsImpl implements Arrivals {
    private final OkHttpClient http = new OkHttpClient();

    @Override
    public void tell(String url) {
      try (Response r = http.newCall(new Request.Builder().url(url).build()).execute()) {
        if (!r.isSuccessful()) {
          throw new IllegalStateException(url + " answered " + r.code());
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * A worker for {@link WaitWorkflow} with Greenlight's options for this server (its own queue).
   */
  static WorkerFactory startWorker(WorkflowClient client, ServerKind server, WorkerTuning tuning) {
    WorkerFactory factory = WorkerFactory.newInstance(client, tuning.factoryOptions());
    Worker worker = factory.newWorker(TASK_QUEUE, GreenlightWorker.options(server, tuning));
    worker.registerWorkflowImplementationTypes(WaitWorkflowImpl.class);
    worker.registerActivitiesImplementations(new ArrivalsImpl());
    factory.start();
    return factory;
  }

  /** Starts one waiting workflow. */
  static void start(WorkflowClient client, String id, String harnessUrl) {
    WaitWorkflow wf =
        client.newWorkflowStub(
            WaitWorkflow.class,
            WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue(TASK_QUEUE).build());
    WorkflowClient.start(wf::run, harnessUrl);
  }

  /** Releases one waiting workflow. */
  static void release(WorkflowClient client, String id) {
    client.newWorkflowStub(WaitWorkflow.class, id).release();
  }

  /** One floor run, each time in nanoseconds from its first start or its first signal. */
  record Times(long started, long filled, long signalled, long released) {}

  /**
   * Starts {@code n} waiting workflows from {@code pool}, waits until each has reached its wait,
   * then releases them all and waits until each has left it.
   */
  static Times run(
      WorkflowClient client, ExecutorService pool, Targets targets, int n, Duration timeout)
      throws Exception {
    long arrived0 = targets.floorArrived.get();
    long left0 = targets.floorLeft.get();
    long t0 = System.nanoTime();
    List<CompletableFuture<Void>> starts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String id = "floor-" + n + "-" + i;
      starts.add(CompletableFuture.runAsync(() -> start(client, id, targets.baseUrl()), pool));
    }
    CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).get();
    long started = System.nanoTime() - t0;
    await(targets.floorArrived, arrived0 + n, timeout, "floor workflows at their wait");
    long filled = System.nanoTime() - t0;
    long r0 = System.nanoTime();
    List<CompletableFuture<Void>> signals = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String id = "floor-" + n + "-" + i;
      signals.add(CompletableFuture.runAsync(() -> release(client, id), pool));
    }
    CompletableFuture.allOf(signals.toArray(CompletableFuture[]::new)).get();
    long signalled = System.nanoTime() - r0;
    await(targets.floorLeft, left0 + n, timeout, "floor workflows released");
    return new Times(started, filled, signalled, System.nanoTime() - r0);
  }

  private static void await(AtomicLong counter, long count, Duration timeout, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (counter.get() < count) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            what + ": " + counter.get() + " of " + count + " after " + timeout);
      }
      Thread.sleep(20);
    }
  }
}
