package dev.greenlight.config;

import java.util.Locale;

/**
 * The Kubernetes workloads a runbook may name with {@code kind}; read case-insensitively, so {@code
 * Deployment} and {@code deployment} are the same. A {@code job} is only a verification target: the
 * {@code run-job} operation names its Job from the idempotency key.
 */
public enum KubernetesKind {
  DEPLOYMENT("Deployment"),
  STATEFULSET("StatefulSet"),
  DAEMONSET("DaemonSet"),
  JOB("Job");

  private final String kind;

  KubernetesKind(String kind) {
    this.kind = kind;
  }

  /** The API's kind, e.g. {@code StatefulSet}. */
  public String kind() {
    return kind;
  }

  /** The name kubectl uses, e.g. {@code statefulset} in {@code statefulset/db}. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
