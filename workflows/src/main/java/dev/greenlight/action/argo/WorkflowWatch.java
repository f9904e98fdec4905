package dev.greenlight.action.argo;

import dev.greenlight.action.ActionFailure;
import dev.greenlight.action.Heartbeat;
import dev.greenlight.action.argo.ArgoJson.Node;
import dev.greenlight.action.argo.ArgoJson.Workflow;
import java.io.IOException;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;

/**
 * Follows one workflow to its end: reads it every poll interval until its phase is final or the
 * deadline passes, and heartbeats the workflow's name after every read (so the activity's progress
 * shows which workflow a retry will adopt).
 */
final class WorkflowWatch {
  /** How a watched workflow ended, or why the watch stopped. */
  enum State {
    SUCCEEDED,
    FAILED,
    /** Shut down from outside Greenlight ({@code argo stop}, {@code argo terminate}). */
    STOPPED,
    /** Gone: deleted from outside Greenlight. */
    DELETED,
    /** Not finished when the deadline passed. */
    RUNNING,
    /** The server did not answer the last reads. */
    UNREACHABLE
  }

  /**
   * @param state how it ended
   * @param detail a plain phrase for the thread: the failed node and its message, the shutdown
   *     strategy, or the last error; empty when there is nothing to add
   * @param polls how many reads were made
   * @param lastStatus the HTTP status of the last read, 0 when it got no answer
   */
  record Ending(State state, String detail, int polls, int lastStatus) {}

  private static final int MAX_TEXT = 200;

  private WorkflowWatch() {}

  /**
   * Reads {@code name} until it ends or {@code deadline} ({@link System#nanoTime()}) passes. The
   * caller takes the deadline when its activity started, so the lookup and the submit count too.
   *
   * @throws ArgoCallException when the server refuses a read (4xx other than 404): the caller
   *     classifies it
   * @throws InterruptedException when the wait is interrupted
   */
  static Ending await(
      ArgoClient client, String namespace, String name, long deadline, Heartbeat heartbeat)
      throws ArgoCallException, InterruptedException {
    Duration interval = client.pollInterval();
    int polls = 0;
    while (true) {
      polls++;
      String lastError;
      int lastStatus;
      try {
        Workflow w = client.get(namespace, name);
        Optional<Ending> end = ending(w, polls);
        if (end.isPresent()) {
          heartbeat.beat("Argo workflow " + name + " " + w.phase());
          return end.get();
        }
        heartbeat.beat("Argo workflow " + name + " " + phaseOrPending(w) + " (read " + polls + ")");
        lastError = "";
        lastStatus = 200;
      } catch (ArgoCallException e) {
        if (e.status() == 404) {
          heartbeat.beat("Argo workflow " + name + " is gone");
          return new Ending(State.DELETED, "", polls, 404);
        }
        if (!e.serverError()) {
          throw e;
        }
        lastError = "the Argo Server answered " + e.getMessage();
        lastStatus = e.status();
        heartbeat.beat("Argo workflow " + name + ": " + lastError + " (read " + polls + ")");
      } catch (IOException e) {
        lastError = "the Argo Server did not answer";
        lastStatus = 0;
        heartbeat.beat("Argo workflow " + name + ": " + lastError + " (read " + polls + ")");
      }
      if (System.nanoTime() + interval.toNanos() > deadline) {
        return lastError.isEmpty()
            ? new Ending(State.RUNNING, "", polls, lastStatus)
            : new Ending(State.UNREACHABLE, lastError, polls, lastStatus);
      }
      Thread.sleep(interval.toMillis());
    }
  }

  /** A read the server refused (4xx other than 404): permanent; a 5xx would be retryable. */
  static ActionFailure refusedRead(ArgoCallException e, String what, String name) {
    return Submission.classified(
        e,
        what
            + ": the Argo Server refused to read workflow "
            + name
            + " ("
            + e.getMessage()
            + "); check the token's RBAC (get workflows)",
        what + ": reading workflow " + name + " failed (" + e.getMessage() + ")");
  }

  /** The ending a read shows, or empty while the workflow is pending or running. */
  static Optional<Ending> ending(Workflow w, int polls) {
    String phase = w.phase();
    if (phase.equals(ArgoJson.SUCCEEDED)) {
      return Optional.of(new Ending(State.SUCCEEDED, "", polls, 200));
    }
    if (!phase.equals(ArgoJson.FAILED) && !phase.equals(ArgoJson.ERROR)) {
      return Optional.empty();
    }
    String message = w.status().message() == null ? "" : w.status().message();
    if (w.shutdown() != null || message.startsWith("Stopped with strategy")) {
      String strategy =
          w.shutdown() != null ? w.shutdown() : message.replaceAll("\\D*'(\\w+)'.*", "$1");
      return Optional.of(new Ending(State.STOPPED, "strategy " + text(strategy), polls, 200));
    }
    return Optional.of(new Ending(State.FAILED, failure(w), polls, 200));
  }

  /** {@code at node 'restart-pods': OOMKilled (exit code 137)}, or the workflow's own message. */
  static String failure(Workflow w) {
    Optional<Node> node = failedNode(w);
    if (node.isPresent()) {
      Node n = node.get();
      String msg = n.message() == null || n.message().isBlank() ? n.phase() : text(n.message());
      return "at node '" + text(n.label()) + "': " + msg;
    }
    String message = w.status().message();
    return message == null || message.isBlank() ? w.phase() : text(message);
  }

  /**
   * The node that failed first: a failed or errored node other than the workflow's root, pods
   * before step groups and DAG tasks, the earliest finished first.
   */
  static Optional<Node> failedNode(Workflow w) {
    return w.nodes().values().stream()
        .filter(n -> ArgoJson.FAILED.equals(n.phase()) || ArgoJson.ERROR.equals(n.phase()))
        .filter(n -> n.id() == null || !n.id().equals(w.name()))
        .min(
            Comparator.comparing((Node n) -> "Pod".equals(n.type()) ? 0 : 1)
                .thenComparing(n -> n.message() == null || n.message().isBlank() ? 1 : 0)
                .thenComparing(n -> n.finishedAt() == null ? "~" : n.finishedAt())
                .thenComparing(n -> n.id() == null ? "" : n.id()));
  }

  private static String phaseOrPending(Workflow w) {
    return w.phase().isEmpty() ? "Pending" : w.phase();
  }

  /** Server text made safe for one line: no control characters, at most 200 characters. */
  static String text(String s) {
    String t = s.replaceAll("\\p{Cntrl}+", " ").strip();
    return t.length() > MAX_TEXT ? t.substring(0, MAX_TEXT) + "…" : t;
  }
}
