package dev.greenlight.action.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatus;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatus;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;

/**
 * What {@code kubectl rollout status} checks, for one read of a workload: whether the rollout is
 * done, still going, or cannot finish; and for a Job whether it succeeded or failed.
 *
 * @param state done, waiting or failed
 * @param message one line in kubectl's words, e.g. {@code 2 of 3 updated replicas are available}
 */
record RolloutStatus(State state, String message) {
  enum State {
    DONE,
    WAITING,
    FAILED
  }

  static RolloutStatus of(HasMetadata w) {
    if (w instanceof Deployment d) {
      return deployment(d);
    }
    if (w instanceof StatefulSet s) {
      return statefulSet(s);
    }
    if (w instanceof DaemonSet ds) {
      return daemonSet(ds);
    }
    return job((Job) w);
  }

  static RolloutStatus deployment(Deployment d) {
    String name = "deployment " + d.getMetadata().getName();
    DeploymentStatus s = d.getStatus() == null ? new DeploymentStatus() : d.getStatus();
    if (!observed(d, s.getObservedGeneration())) {
      return waiting(name + ": waiting for the spec update to be observed");
    }
    if (s.getConditions() != null
        && s.getConditions().stream()
            .anyMatch(
                c ->
                    "Progressing".equals(c.getType())
                        && "ProgressDeadlineExceeded".equals(c.getReason()))) {
      return new RolloutStatus(State.FAILED, name + " exceeded its progress deadline");
    }
    int wanted = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
    int updated = n(s.getUpdatedReplicas());
    if (updated < wanted) {
      return waiting(
          name + ": " + updated + " out of " + wanted + " new replicas have been updated");
    }
    if (n(s.getReplicas()) > updated) {
      return waiting(
          name + ": " + (n(s.getReplicas()) - updated) + " old replicas are pending termination");
    }
    if (n(s.getAvailableReplicas()) < updated) {
      return waiting(
          name
              + ": "
              + n(s.getAvailableReplicas())
              + " of "
              + updated
              + " updated replicas are available");
    }
    return done(name + " successfully rolled out (" + updated + " replicas)");
  }

  static RolloutStatus statefulSet(StatefulSet sts) {
    String name = "statefulset " + sts.getMetadata().getName();
    var strategy = sts.getSpec().getUpdateStrategy();
    if (strategy != null
        && strategy.getType() != null
        && !"RollingUpdate".equals(strategy.getType())) {
      return new RolloutStatus(
          State.FAILED, name + ": rollout status needs the RollingUpdate strategy");
    }
    StatefulSetStatus s = sts.getStatus() == null ? new StatefulSetStatus() : sts.getStatus();
    if (s.getObservedGeneration() == null
        || s.getObservedGeneration() == 0
        || !observed(sts, s.getObservedGeneration())) {
      return waiting(name + ": waiting for the spec update to be observed");
    }
    int wanted = sts.getSpec().getReplicas() == null ? 1 : sts.getSpec().getReplicas();
    if (n(s.getReadyReplicas()) < wanted) {
      return waiting(
          name + ": waiting for " + (wanted - n(s.getReadyReplicas())) + " pods to be ready");
    }
    Integer partition =
        strategy == null || strategy.getRollingUpdate() == null
            ? null
            : strategy.getRollingUpdate().getPartition();
    if (partition != null && partition > 0) {
      if (n(s.getUpdatedReplicas()) < wanted - partition) {
        return waiting(
            name
                + ": partitioned roll out, "
                + n(s.getUpdatedReplicas())
                + " out of "
                + (wanted - partition)
                + " new pods have been updated");
      }
      return done(name + ": partitioned roll out complete");
    }
    if (s.getUpdateRevision() != null && !s.getUpdateRevision().equals(s.getCurrentRevision())) {
      return waiting(
          name + ": waiting for the rolling update to reach revision " + s.getUpdateRevision());
    }
    return done(name + " rolling update complete (" + wanted + " pods)");
  }

  static RolloutStatus daemonSet(DaemonSet ds) {
    String name = "daemonset " + ds.getMetadata().getName();
    var strategy = ds.getSpec().getUpdateStrategy();
    if (strategy != null
        && strategy.getType() != null
        && !"RollingUpdate".equals(strategy.getType())) {
      return new RolloutStatus(
          State.FAILED, name + ": rollout status needs the RollingUpdate strategy");
    }
    DaemonSetStatus s = ds.getStatus() == null ? new DaemonSetStatus() : ds.getStatus();
    if (!observed(ds, s.getObservedGeneration())) {
      return waiting(name + ": waiting for the spec update to be observed");
    }
    int wanted = n(s.getDesiredNumberScheduled());
    if (n(s.getUpdatedNumberScheduled()) < wanted) {
      return waiting(
          name
              + ": "
              + n(s.getUpdatedNumberScheduled())
              + " out of "
              + wanted
              + " new pods have been updated");
    }
    if (n(s.getNumberAvailable()) < wanted) {
      return waiting(
          name
              + ": "
              + n(s.getNumberAvailable())
              + " of "
              + wanted
              + " updated pods are available");
    }
    return done(name + " successfully rolled out (" + wanted + " pods)");
  }

  static RolloutStatus job(Job job) {
    String name = "job " + job.getMetadata().getName();
    JobStatus s = job.getStatus() == null ? new JobStatus() : job.getStatus();
    if (s.getConditions() != null) {
      for (var c : s.getConditions()) {
        if ("True".equals(c.getStatus()) && "Complete".equals(c.getType())) {
          return done(name + " succeeded (" + n(s.getSucceeded()) + " pod(s))");
        }
        if ("True".equals(c.getStatus()) && "Failed".equals(c.getType())) {
          return new RolloutStatus(
              State.FAILED,
              name + " failed" + (c.getReason() == null ? "" : " (" + c.getReason() + ")"));
        }
      }
    }
    int completions = job.getSpec().getCompletions() == null ? 1 : job.getSpec().getCompletions();
    if (n(s.getSucceeded()) >= completions) {
      return done(name + " succeeded (" + n(s.getSucceeded()) + " pod(s))");
    }
    return waiting(
        name
            + ": "
            + n(s.getActive())
            + " active, "
            + n(s.getSucceeded())
            + " succeeded, "
            + n(s.getFailed())
            + " failed");
  }

  boolean done() {
    return state == State.DONE;
  }

  private static boolean observed(HasMetadata w, Long observedGeneration) {
    Long generation = w.getMetadata().getGeneration();
    return observedGeneration != null && (generation == null || observedGeneration >= generation);
  }

  private static int n(Integer value) {
    return value == null ? 0 : value;
  }

  private static RolloutStatus waiting(String message) {
    return new RolloutStatus(State.WAITING, message);
  }

  private static RolloutStatus done(String message) {
    return new RolloutStatus(State.DONE, message);
  }
}
