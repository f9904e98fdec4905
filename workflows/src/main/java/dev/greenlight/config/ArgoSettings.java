package dev.greenlight.config;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code argo} section: the Argo Servers runbooks of type {@code argo} reach, by name. A
 * runbook's {@code server} key names one of them ({@code default} when absent).
 *
 * @param servers server name to settings; empty when no runbook uses Argo
 * @param gates the suspend gates approved in Slack ({@code argo.gates}), or null when none are
 *     watched
 */
public record ArgoSettings(Map<String, ArgoServer> servers, ArgoGateSettings gates) {
  /** No Argo Server: a catalog without {@code argo} runbooks. */
  public static final ArgoSettings NONE = new ArgoSettings(Map.of());

  /** Servers for {@code argo} runbooks, no suspend gates watched. */
  public ArgoSettings(Map<String, ArgoServer> servers) {
    this(servers, null);
  }

  @com.fasterxml.jackson.annotation.JsonCreator
  public ArgoSettings {
    TreeMap<String, ArgoServer> sorted = new TreeMap<>();
    if (servers != null) {
      servers.forEach(
          (name, server) -> {
            if (name == null || !ArgoKeys.SERVER.matcher(name).matches()) {
              throw new ConfigException(
                  "argo.servers: '" + name + "' is not a server name ([a-z0-9-], at most 63)");
            }
            if (server == null) {
              throw new ConfigException("argo.servers." + name + ": settings are required");
            }
            sorted.put(name, server);
          });
    }
    servers = Collections.unmodifiableMap(sorted);
    if (gates != null && !servers.containsKey(gates.server())) {
      throw new ConfigException(
          "argo.gates.server: no Argo server '"
              + gates.server()
              + "' in argo.servers (known: "
              + String.join(", ", servers.keySet())
              + ")");
    }
  }
}
