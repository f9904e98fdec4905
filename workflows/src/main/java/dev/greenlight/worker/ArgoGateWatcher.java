package dev.greenlight.worker;

import dev.greenlight.action.ActionFailure;
import dev.greenlight.action.argo.ArgoGates;
import dev.greenlight.action.argo.ArgoServers;
import dev.greenlight.action.argo.SuspendedNode;
import dev.greenlight.api.GateState;
import dev.greenlight.argogate.ArgoGateFrames;
import dev.greenlight.config.ArgoGateSettings;
import dev.greenlight.config.GreenlightConfig;
import dev.greenlight.workflows.ArgoGateWorkflow;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the configured namespaces for opted-in workflows waiting at a Suspend node, and starts
 * one {@link ArgoGateWorkflow} per node: its ID comes from the workflow's UID and the node's ID and
 * duplicates are rejected, so restarts and several replicas never open a node twice. A gate still
 * open whose node no longer waits is asked to read it ({@link ArgoGateWorkflow#checkNode}).
 */
public final class ArgoGateWatcher implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ArgoGateWatcher.class);

  private final WorkflowClient temporal;
  private final String taskQueue;
  private final ArgoGateSettings settings;
  private final ArgoGates gates;
  private final ArgoGateFrames frames;
  private final ScheduledExecutorService timer;

  /** Gates past their decision (never asked again) and when an open one was last asked. */
  private final Set<String> decided = ConcurrentHashMap.newKeySet();

  private final Map<String, Long> askedAt = new ConcurrentHashMap<>();

  public ArgoGateWatcher(
      WorkflowClient temporal, String taskQueue, GreenlightConfig config, ArgoServers servers) {
    this.temporal = temporal;
    this.taskQueue = taskQueue;
    this.settings = config.argo().gates();
    this.gates = new ArgoGates(servers);
    this.frames = new ArgoGateFrames(config);
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "argo-gate-watcher");
              t.setDaemon(true);
              return t;
            });
  }

  /** Starts watching every poll interval, the first round at once. */
  public ArgoGateWatcher start() {
    long every = settings.pollInterval().toMillis();
    timer.scheduleWithFixedDelay(this::safeRound, 0, every, TimeUnit.MILLISECONDS);
    log.info(
        "Watching Argo suspend gates in {} on server '{}' every {} (label {}=true)",
        settings.namespaces(),
        settings.server(),
        settings.pollInterval(),
        settings.label());
    return this;
  }

  private void safeRound() {
    try {
      round();
    } catch (RuntimeException e) {
      log.warn("Argo gate watch round failed: {}", e.toString());
    }
  }

  /** One round: list, start what is new, ask open gates whose node is gone to look. */
  public void round() {
    Set<String> waiting = new HashSet<>();
    boolean complete = true;
    for (String ns : settings.namespaces()) {
      List<SuspendedNode> found;
      try {
        found = gates.waiting(settings.server(), ns, settings.label());
      } catch (ActionFailure e) {
        log.warn("Argo gates in namespace {}: {}", ns, e.getMessage());
        complete = false;
        continue;
      }
      for (SuspendedNode node : found) {
        String id = ArgoGateWorkflow.workflowId(node.workflowUid(), node.nodeId());
        waiting.add(id);
        startOnce(id, node);
      }
    }
    if (complete) {
      askGone(waiting);
    }
  }

  private void startOnce(String id, SuspendedNode node) {
    WorkflowOptions options =
        WorkflowOptions.newBuilder()
            .setWorkflowId(id)
            .setTaskQueue(taskQueue)
            .setWorkflowIdReusePolicy(
                WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
            .build();
    try {
      WorkflowClient.start(
          temporal.newWorkflowStub(ArgoGateWorkflow.class, options)::run, frames.frame(node));
      log.info(
          "Argo gate {} of {}/{} opened as {}",
          node.displayName(),
          node.namespace(),
          node.workflow(),
          id);
    } catch (WorkflowExecutionAlreadyStarted e) {
      // Opened before: by this process, an earlier one or another replica.
    } catch (RuntimeException e) {
      // The next round tries again; the ID makes a start that did land harmless.
      log.warn(
          "Could not open Argo gate {}: {} ({})",
          id,
          e.getMessage(),
          e.getCause() == null ? e.getClass().getSimpleName() : e.getCause().getMessage());
    }
  }

  /**
   * Open gates whose node the lists no longer show: each reads its node, at most once a minute (a
   * node that still waits but is not listed, e.g. its label removed, costs one read a minute).
   */
  private void askGone(Set<String> waiting) {
    List<String> open = OpenGates.workflowIds(temporal);
    decided.retainAll(open);
    askedAt.keySet().retainAll(open);
    long now = System.nanoTime();
    for (String id : open) {
      if (waiting.contains(id) || decided.contains(id)) {
        continue;
      }
      Long last = askedAt.get(id);
      if (last != null && now - last < ASK_AGAIN_NANOS) {
        continue;
      }
      try {
        ArgoGateWorkflow stub = temporal.newWorkflowStub(ArgoGateWorkflow.class, id);
        if (stub.gate().state() == GateState.OPEN) {
          stub.checkNode();
          askedAt.put(id, now);
        } else {
          decided.add(id); // approved and followed, or closing: nothing to look at
        }
      } catch (RuntimeException e) {
        log.info("Could not ask Argo gate {} to look: {}", id, e.getMessage());
      }
    }
  }

  private static final long ASK_AGAIN_NANOS = TimeUnit.MINUTES.toNanos(1);

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
