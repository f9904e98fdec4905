package dev.greenlight.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.greenlight.api.Principal;
import dev.greenlight.api.Risk;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The {@code argo.gates} section: Argo suspend gates approved in Slack. The worker lists the
 * opted-in workflows of each namespace every {@code poll-interval} and opens one gate per running
 * Suspend node.
 *
 * @param server the {@code argo.servers} entry to watch ({@code default} when absent)
 * @param namespaces the namespaces to watch (at least one)
 * @param pollInterval how often the namespaces are listed (default 15s, at most 10m)
 * @param label the opt-in label; a workflow opts in with the value {@code "true"}
 * @param risk a node's risk tier by {@code <template>/<node>} or {@code <node>} (display name)
 * @param defaultRisk the tier of a node the catalog does not name (default {@code medium})
 * @param approvers who may decide (empty: the global {@code approvers})
 * @param submitters Argo's creator (preferred username, else the creator label) to a Slack user ID,
 *     so separation of duties knows the submitter
 * @param channel where the cards go (empty: the global {@code channel})
 */
public record ArgoGateSettings(
    String server,
    List<String> namespaces,
    @JsonProperty("poll-interval") Duration pollInterval,
    String label,
    Map<String, Risk> risk,
    @JsonProperty("default-risk") Risk defaultRisk,
    List<Principal> approvers,
    Map<String, String> submitters,
    String channel) {
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(15);
  public static final Duration MAX_POLL_INTERVAL = Duration.ofMinutes(10);
  public static final String DEFAULT_LABEL = "greenlight.dev/gate";

  /** A Kubernetes label key: an optional DNS prefix and a name. */
  private static final Pattern LABEL =
      Pattern.compile(
          "([a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?");

  public ArgoGateSettings {
    server = ArgoKeys.server("argo.gates", server);
    if (namespaces == null || namespaces.isEmpty()) {
      throw new ConfigException("argo.gates.namespaces: at least one namespace is required");
    }
    for (String ns : namespaces) {
      ArgoKeys.namespace("argo.gates", ns);
    }
    namespaces = List.copyOf(namespaces);
    pollInterval =
        ArgoKeys.duration(
            "argo.gates.poll-interval", pollInterval, DEFAULT_POLL_INTERVAL, MAX_POLL_INTERVAL);
    label = label == null || label.isBlank() ? DEFAULT_LABEL : label.strip();
    if (!LABEL.matcher(label).matches()) {
      throw new ConfigException("argo.gates.label: '" + label + "' is not a Kubernetes label key");
    }
    TreeMap<String, Risk> risks = new TreeMap<>();
    if (risk != null) {
      risk.forEach(
          (node, tier) -> {
            if (node == null || node.isBlank()) {
              throw new ConfigException("argo.gates.risk: a node name is required");
            }
            if (tier == null) {
              throw new ConfigException("argo.gates.risk." + node + ": low, medium or high");
            }
            risks.put(node, tier);
          });
    }
    risk = Collections.unmodifiableMap(risks);
    defaultRisk = defaultRisk == null ? Risk.MEDIUM : defaultRisk;
    approvers = approvers == null ? List.of() : List.copyOf(approvers);
    TreeMap<String, String> people = new TreeMap<>();
    if (submitters != null) {
      submitters.forEach(
          (creator, slackId) -> {
            if (slackId == null || !slackId.matches("[UW][A-Z0-9]{2,}")) {
              throw new ConfigException(
                  "argo.gates.submitters."
                      + creator
                      + ": '"
                      + slackId
                      + "' is not a Slack user ID");
            }
            people.put(creator, slackId);
          });
    }
    submitters = Collections.unmodifiableMap(people);
    channel = channel == null || channel.isBlank() ? null : channel.strip();
    if (channel != null && !channel.matches("[CGD][A-Z0-9]{2,}")) {
      throw new ConfigException(
          "argo.gates.channel: '" + channel + "' is not a Slack channel ID (C…, G… or D…)");
    }
  }

  /**
   * The catalog's tier of a node: {@code <template>/<node>}, else {@code <node>}, else the default.
   */
  public Risk riskOf(String template, String node) {
    Risk r = risk.get(template + "/" + node);
    if (r == null) {
      r = risk.get(node);
    }
    return r == null ? defaultRisk : r;
  }
}
