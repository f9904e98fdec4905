package dev.greenlight.action.kubernetes;

import dev.greenlight.action.ActionFailure;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * Classifies what the API server answered. 401, 403 (RBAC), 404, 400 and 422 are permanent, with a
 * message naming the resource and the verb; 409 conflicts, 429 and 5xx are retryable; no answer
 * (timeouts, I/O) is unreachable. Messages never quote the server: its text may name URLs.
 */
final class KubeErrors {
  /** One call to the API server. */
  @FunctionalInterface
  interface Call<T> {
    T run();
  }

  private KubeErrors() {}

  /** Runs a call on the target workload itself. */
  static <T> T call(Target target, String verb, Call<T> call) throws ActionFailure {
    return call(target, verb, target.resource(), target.what(), call);
  }

  /**
   * Runs a call, classifying a refusal.
   *
   * @param verb the RBAC verb the call needs, e.g. {@code patch}
   * @param resource the RBAC resource, e.g. {@code pods}
   * @param what the object in words, e.g. {@code pod web-1 in shop}
   */
  static <T> T call(Target target, String verb, String resource, String what, Call<T> call)
      throws ActionFailure {
    try {
      return call.run();
    } catch (KubernetesClientException e) {
      throw classify(e, target, verb, resource, what);
    }
  }

  static ActionFailure classify(
      KubernetesClientException e, Target target, String verb, String resource, String what) {
    int code = e.getCode();
    String who = target.who();
    if (code == 403) {
      return ActionFailure.permanent(
          String.format(
              "%s: Kubernetes refused to %s %s (403 Forbidden): the service account needs verb"
                  + " '%s' on %s in namespace %s",
              who, verb, what, verb, resource, target.namespace()));
    }
    if (code == 404) {
      return ActionFailure.permanent(
          String.format("%s: %s was not found (404 on %s %s)", who, what, verb, resource));
    }
    if (code == 401) {
      return ActionFailure.permanent(
          String.format(
              "%s: Kubernetes rejected Greenlight's credentials (401) on %s %s", who, verb, what));
    }
    if (code == 409) {
      return ActionFailure.retryable(
          String.format("%s: conflict (409) on %s %s: it changed meanwhile", who, verb, what));
    }
    if (code == 400 || code == 422) {
      return ActionFailure.permanent(
          String.format("%s: Kubernetes refused to %s %s as invalid (%d)", who, verb, what, code));
    }
    if (code == 429 || code >= 500) {
      return ActionFailure.retryable(
          String.format("%s: Kubernetes answered %d on %s %s", who, code, verb, what));
    }
    if (code > 0) {
      return ActionFailure.permanent(
          String.format("%s: Kubernetes refused to %s %s (%d)", who, verb, what, code));
    }
    return ActionFailure.unreachable(
        String.format(
            "%s: the Kubernetes API did not answer on %s %s (%s)", who, verb, what, rootCause(e)),
        e);
  }

  /** The innermost cause's class, e.g. {@code HttpTimeoutException}: never its message. */
  private static String rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName();
  }
}
