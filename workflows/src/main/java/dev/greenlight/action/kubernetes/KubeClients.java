package dev.greenlight.action.kubernetes;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the kubernetes kinds get their API clients, one per kubeconfig context. The credentials are
 * fabric8's own configuration: the in-cluster service account, or {@code KUBECONFIG} / {@code
 * ~/.kube/config} with the catalog's {@code context} choosing a context. Greenlight never reads or
 * logs a token itself.
 */
@FunctionalInterface
public interface KubeClients {
  /**
   * The client for a context.
   *
   * @param context the kubeconfig context, or null for the current one (or the in-cluster account)
   */
  KubernetesClient client(String context);

  /** Clients configured from the environment, built on first use and kept per context. */
  static KubeClients fromEnvironment() {
    Map<String, KubernetesClient> clients = new ConcurrentHashMap<>();
    return context ->
        clients.computeIfAbsent(
            context == null ? "" : context,
            c -> build(Config.autoConfigure(c.isEmpty() ? null : c)));
  }

  /**
   * A client for {@code config} with fabric8's own retries off: a 5xx or an I/O error reaches the
   * executor at once, and Temporal's activity retries (at most 3 attempts) take over.
   */
  static KubernetesClient build(Config config) {
    config.setRequestRetryBackoffLimit(0);
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  /** One client for every context: tests, and the sandbox's in-process API server. */
  static KubeClients of(KubernetesClient client) {
    return context -> client;
  }
}
