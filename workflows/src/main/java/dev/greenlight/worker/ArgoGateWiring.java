package dev.greenlight.worker;

import dev.greenlight.action.argo.ArgoServers;
import dev.greenlight.argogate.ArgoGateActivitiesImpl;
import dev.greenlight.config.GreenlightConfig;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import java.util.Map;
import okhttp3.OkHttpClient;

/**
 * The worker's part of Argo suspend gates, when {@code argo.gates} is configured: the gate's
 * activities and, once the worker polls, the watcher. Without the section: nothing.
 */
final class ArgoGateWiring implements AutoCloseable {
  private final GreenlightConfig config;
  private final ArgoServers servers;
  private ArgoGateWatcher watcher;

  private ArgoGateWiring(GreenlightConfig config, ArgoServers servers) {
    this.config = config;
    this.servers = servers;
  }

  /** Registers the gate's activities on {@code worker} when the config watches gates. */
  static ArgoGateWiring register(Worker worker, GreenlightConfig config, Map<String, String> env) {
    if (config.argo().gates() == null) {
      return new ArgoGateWiring(config, null);
    }
    ArgoServers servers = ArgoServers.from(config.argo(), env, new OkHttpClient());
    worker.registerActivitiesImplementations(new ArgoGateActivitiesImpl(servers));
    return new ArgoGateWiring(config, servers);
  }

  /** Starts the watcher (call once the worker polls). */
  void startWatching(WorkflowClient temporal, String taskQueue) {
    if (servers != null) {
      watcher = new ArgoGateWatcher(temporal, taskQueue, config, servers).start();
    }
  }

  @Override
  public void close() {
    if (watcher != null) {
      watcher.close();
    }
  }
}
