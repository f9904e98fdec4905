package dev.greenlight.action.argo;

import dev.greenlight.action.ActionFailure;
import dev.greenlight.action.Heartbeat;
import dev.greenlight.action.argo.ArgoJson.Node;
import dev.greenlight.action.argo.ArgoJson.Workflow;
import dev.greenlight.action.argo.GateResult.Outcome;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * A suspend gate seen from outside its decision: whether someone settled it in Argo while it waited
 * in Slack ({@code argo resume}, {@code argo stop}, the workflow deleted), and, once Greenlight
 * resumed it, how the workflow ends.
 */
public final class GateWatch {
  /**
   * How a followed workflow ended.
   *
   * @param succeeded whether it succeeded
   * @param state {@code Succeeded}, {@code Failed}, {@code Stopped} or {@code Deleted}
   * @param detail the failed node and its message, the shutdown strategy, or empty
   */
  public record RunEnding(boolean succeeded, String state, String detail) {}

  private static final Duration ROUND = Duration.ofMinutes(5);

  private final ArgoServers servers;

  public GateWatch(ArgoServers servers) {
    this.servers = servers;
  }

  /**
   * Empty while the node is still a running Suspend node of a running workflow; otherwise who
   * settled it: resumed ({@code Succeeded}), stopped or failed, or gone.
   *
   * @throws ActionFailure retryable when the server does not answer, permanent when it refuses
   */
  public Optional<GateResult> settledOutside(SuspendedNode gate) throws ActionFailure {
    String what = "gate " + gate.displayName() + " of Argo workflow " + gate.workflow();
    ArgoClient client = servers.client(gate.server(), what);
    Workflow w;
    try {
      w = client.get(gate.namespace(), gate.workflow());
    } catch (ArgoCallException e) {
      if (e.status() == 404) {
        return Optional.of(new GateResult(Outcome.GONE, "", "Argo workflow was deleted"));
      }
      throw WorkflowWatch.refusedRead(e, what, gate.workflow());
    } catch (IOException e) {
      throw Submission.unreachable(client, what, e);
    }
    if (w.metadata() != null
        && w.metadata().uid() != null
        && !gate.workflowUid().isEmpty()
        && !w.metadata().uid().equals(gate.workflowUid())) {
      return Optional.of(
          new GateResult(Outcome.GONE, "", "Argo workflow was deleted (a new one has its name)"));
    }
    Node n = w.nodes().get(gate.nodeId());
    if (n == null) {
      return Optional.of(new GateResult(Outcome.GONE, "", "the node is gone from the workflow"));
    }
    boolean workflowRunning = w.phase().isEmpty() || w.phase().equals(ArgoJson.RUNNING);
    if (n.activeSuspend() && workflowRunning && w.shutdown() == null) {
      return Optional.empty();
    }
    String phase = n.phase() == null ? "" : n.phase();
    String message = n.message() == null || n.message().isBlank() ? "" : ": " + text(n.message());
    if (phase.equals(ArgoJson.SUCCEEDED)) {
      return Optional.of(
          new GateResult(
              Outcome.RESUMED_ELSEWHERE, phase, "resumed in Argo outside Greenlight" + message));
    }
    String how =
        w.shutdown() != null
            ? "the workflow was stopped in Argo (strategy " + text(w.shutdown()) + ")"
            : "stopped in Argo outside Greenlight (" + (phase.isEmpty() ? w.phase() : phase) + ")";
    return Optional.of(new GateResult(Outcome.STOPPED_ELSEWHERE, phase, how + message));
  }

  /**
   * Reads the gate's workflow every poll interval until it ends, heartbeating after every read.
   * Answers of 5xx and no answer are waited out (the activity's heartbeat says so).
   *
   * @throws ActionFailure permanent when the server refuses the read
   * @throws InterruptedException when the activity is stopped
   */
  public RunEnding follow(SuspendedNode gate, Heartbeat heartbeat)
      throws ActionFailure, InterruptedException {
    String what = "Argo workflow " + gate.workflow();
    ArgoClient client = servers.client(gate.server(), what);
    while (true) {
      WorkflowWatch.Ending end;
      try {
        end =
            WorkflowWatch.await(
                client,
                gate.namespace(),
                gate.workflow(),
                System.nanoTime() + ROUND.toNanos(),
                heartbeat);
      } catch (ArgoCallException e) {
        throw WorkflowWatch.refusedRead(e, what, gate.workflow());
      }
      switch (end.state()) {
        case SUCCEEDED -> {
          return new RunEnding(true, "Succeeded", "");
        }
        case FAILED -> {
          return new RunEnding(false, "Failed", end.detail());
        }
        case STOPPED -> {
          return new RunEnding(false, "Stopped", end.detail());
        }
        case DELETED -> {
          return new RunEnding(false, "Deleted", "the workflow was deleted");
        }
        default -> {
          // Still running, or the server is away for now: keep following.
        }
      }
    }
  }

  private static String text(String s) {
    return WorkflowWatch.text(s);
  }
}
