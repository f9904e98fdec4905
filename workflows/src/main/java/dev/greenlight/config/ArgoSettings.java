package dev.greenlight.config;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code argo} section: the Argo Servers runbooks of type {@code argo} reach, by name. A
 * runbook's {@code server} key names one of them ({@code default} when absent).
 *
 * @param servers server name to settings; empty when no runbook uses Argo
 */
public record ArgoSettings(Map<String, ArgoServer> servers) {
  /** No Argo Server: a catalog without {@code argo} runbooks. */
  public static final ArgoSettings NONE = new ArgoSettings(Map.of());

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
  }
}
