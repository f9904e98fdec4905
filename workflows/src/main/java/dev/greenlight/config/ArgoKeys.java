package dev.greenlight.config;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Validation shared by the {@code argo} action, verification and server records. Every message
 * names the key, so a bad catalog entry is found from the message alone.
 */
final class ArgoKeys {
  /** A Kubernetes namespace: a DNS-1123 label. */
  private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  /** A (Cluster)WorkflowTemplate name: a DNS-1123 subdomain. */
  private static final Pattern TEMPLATE = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");

  /** An Argo parameter name: letters, digits, {@code _} and {@code -}. */
  private static final Pattern PARAMETER = Pattern.compile("[A-Za-z0-9_-]{1,128}");

  /** A server name in {@code argo.servers}. */
  static final Pattern SERVER = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

  static final String DEFAULT_SERVER = "default";

  private ArgoKeys() {}

  static String server(String side, String server) {
    if (server == null || server.isBlank()) {
      return DEFAULT_SERVER;
    }
    if (!SERVER.matcher(server).matches()) {
      throw new ConfigException(
          side + ".server: '" + server + "' is not a server name of argo.servers ([a-z0-9-])");
    }
    return server;
  }

  static String namespace(String side, String namespace) {
    if (namespace == null || namespace.isBlank()) {
      throw new ConfigException(side + ".namespace: required for type argo");
    }
    if (!NAMESPACE.matcher(namespace).matches()) {
      throw new ConfigException(
          side + ".namespace: '" + namespace + "' is not a Kubernetes namespace name");
    }
    return namespace;
  }

  static String template(String side, String template) {
    if (!TEMPLATE.matcher(template).matches()) {
      throw new ConfigException(
          side + ".template: '" + template + "' is not a WorkflowTemplate name");
    }
    return template;
  }

  /**
   * The parameters, sorted by name so the card line and the proposal hash never depend on the
   * file's order. Values are catalog text with {@code {service}} and {@code {incident}} only.
   */
  static Map<String, String> parameters(String side, Map<String, String> parameters) {
    TreeMap<String, String> sorted = new TreeMap<>();
    if (parameters == null) {
      return Map.of();
    }
    parameters.forEach(
        (name, value) -> {
          if (name == null || !PARAMETER.matcher(name).matches()) {
            throw new ConfigException(
                side + ".parameters: '" + name + "' is not an Argo parameter name");
          }
          if (value == null) {
            throw new ConfigException(side + ".parameters." + name + ": a value is required");
          }
          if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new ConfigException(side + ".parameters." + name + ": one line only");
          }
          String bad = Template.unknownPlaceholder(value);
          if (bad != null) {
            throw new ConfigException(
                side
                    + ".parameters."
                    + name
                    + ": unknown placeholder "
                    + bad
                    + " (allowed: {service}, {incident})");
          }
          sorted.put(name, value);
        });
    return Collections.unmodifiableMap(sorted);
  }

  static Duration duration(String key, Duration value, Duration fallback, Duration max) {
    if (value == null) {
      return fallback;
    }
    if (value.isNegative() || value.isZero()) {
      throw new ConfigException(key + ": " + value + " must be positive");
    }
    if (value.compareTo(max) > 0) {
      throw new ConfigException(key + ": " + value + " is longer than the maximum " + max);
    }
    return value;
  }

  /** The parameters rendered for one incident, in name order: {@code name=value}. */
  static String describeParameters(Map<String, String> parameters, Map<String, String> vars) {
    if (parameters.isEmpty()) {
      return "no parameters";
    }
    StringBuilder out = new StringBuilder();
    parameters.forEach(
        (name, value) -> {
          if (out.length() > 0) {
            out.append(", ");
          }
          out.append(name).append('=').append(Template.renderBody(value, vars));
        });
    return out.toString();
  }
}
