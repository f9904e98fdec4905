package dev.greenlight.action.kubernetes;

import dev.greenlight.action.ActionFailure;
import dev.greenlight.config.KubernetesKind;
import dev.greenlight.config.KubernetesNames;

/**
 * One workload (or, for a Job, its namespace) rendered for one incident and checked again: a
 * service name may hold characters the catalog's sample did not ({@code _}, {@code .}).
 *
 * @param who how messages name the run, e.g. {@code action restart-checkout}
 * @param namespace the rendered namespace
 * @param kind the workload's kind
 * @param name the rendered name
 */
record Target(String who, String namespace, KubernetesKind kind, String name) {
  /** The target, or a permanent failure naming the key whose rendering is not a Kubernetes name. */
  static Target of(String who, String namespace, KubernetesKind kind, String name)
      throws ActionFailure {
    if (!KubernetesNames.isLabel(namespace)) {
      throw ActionFailure.permanent(
          who + ": namespace '" + namespace + "' is not a valid Kubernetes name for this service");
    }
    if (name != null && !KubernetesNames.isSubdomain(name)) {
      throw ActionFailure.permanent(
          who + ": name '" + name + "' is not a valid Kubernetes name for this service");
    }
    return new Target(who, namespace, kind, name);
  }

  /** As kubectl writes it: {@code deployment/checkout-api in shop}. */
  String what() {
    return kind + "/" + name + " in " + namespace;
  }

  /** In words: {@code deployment checkout-api in shop}. */
  String words() {
    return kind + " " + name + " in " + namespace;
  }

  /** The API resource RBAC rules name, e.g. {@code deployments.apps}. */
  String resource() {
    return switch (kind) {
      case DEPLOYMENT -> "deployments.apps";
      case STATEFULSET -> "statefulsets.apps";
      case DAEMONSET -> "daemonsets.apps";
      case JOB -> "jobs.batch";
    };
  }
}
