package dev.greenlight.argogate;

import dev.greenlight.action.argo.SuspendedNode;
import dev.greenlight.api.ArgoGateCards;
import dev.greenlight.api.Classification;
import dev.greenlight.api.IncidentRequest;
import dev.greenlight.api.PolicySnapshot;
import dev.greenlight.api.Principal;
import dev.greenlight.api.Risk;
import dev.greenlight.config.ArgoGateSettings;
import dev.greenlight.config.ConfigException;
import dev.greenlight.config.GreenlightConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns a waiting Suspend node into the request of its gate workflow: its risk (the catalog's or
 * the workflow's annotation, whichever is stricter), its submitter, its approvers and the card's
 * facts. Pure: reads the config and the node only.
 */
public final class ArgoGateFrames {
  /** A workflow-wide risk annotation; {@code greenlight.dev/risk.<node>} names one node. */
  public static final String RISK_ANNOTATION = "greenlight.dev/risk";

  private final GreenlightConfig config;
  private final ArgoGateSettings gates;
  private final String channel;

  /**
   * @throws ConfigException when neither {@code argo.gates.channel} nor {@code channel} is set
   */
  public ArgoGateFrames(GreenlightConfig config) {
    this.config = config;
    this.gates = config.argo().gates();
    String ch = gates.channel() != null ? gates.channel() : config.channel();
    if (ch == null || ch.isBlank()) {
      throw new ConfigException(
          "argo.gates.channel: required when the global channel is empty (where do the cards go?)");
    }
    this.channel = ch;
  }

  public ArgoGateRequest frame(SuspendedNode node) {
    Risk risk = risk(node);
    String creator = node.creator() == null ? "" : node.creator();
    String submitterId = creator.isEmpty() ? null : gates.submitters().get(creator);
    String service = node.namespace() + "/" + node.workflow();
    PolicySnapshot all = config.policySnapshot();
    List<Principal> approvers = gates.approvers().isEmpty() ? all.approvers() : gates.approvers();
    PolicySnapshot policy =
        new PolicySnapshot(
            all.confidenceFloor(), approvers, all.onCall(), all.tiers(), Map.of(), List.of());
    IncidentRequest incident =
        new IncidentRequest(
            shortId(node), service, facts(node, creator), submitterId, channel, policy);
    Classification gate =
        new Classification(
            node.displayName(), 1.0, gateKey(node), risk, link(node), null, ArgoGateCards.MODEL);
    return new ArgoGateRequest(node, incident, gate, creator);
  }

  /** The catalog's tier, raised (never lowered) by the workflow's own risk annotation. */
  Risk risk(SuspendedNode node) {
    Risk catalog = gates.riskOf(node.template(), node.displayName());
    Map<String, String> a = node.annotations();
    String own = a.getOrDefault(RISK_ANNOTATION + "." + node.displayName(), a.get(RISK_ANNOTATION));
    Risk annotated = own == null ? null : Risk.parse(own);
    return annotated != null && annotated.compareTo(catalog) > 0 ? annotated : catalog;
  }

  /** {@code <template>/<node>}, or the node alone for a workflow not from a template. */
  static String gateKey(SuspendedNode node) {
    return (node.template().isEmpty() ? "" : node.template() + "/") + node.displayName();
  }

  private String link(SuspendedNode node) {
    var server = config.argo().servers().get(node.server());
    return server == null
        ? null
        : server.uiUrl() + "/workflows/" + node.namespace() + "/" + node.workflow();
  }

  /** The card's facts, one per line: Argo's own text, escaped by the bot when shown. */
  static String facts(SuspendedNode node, String creator) {
    return "Template: "
        + (node.template().isEmpty() ? "none" : node.template())
        + "\nParameters: "
        + pairs(node.parameters())
        + "\nSuspend node: "
        + node.displayName()
        + "\nInputs: "
        + pairs(node.inputs())
        + "\nSubmitted by: "
        + (creator.isEmpty() ? "unknown (no creator label)" : creator);
  }

  private static String pairs(Map<String, String> values) {
    return values.isEmpty()
        ? "none"
        : values.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(", "));
  }

  /** {@code ARGO-} and six hex digits of the gate's identity: short, stable, unique enough. */
  static String shortId(SuspendedNode node) {
    try {
      byte[] h =
          MessageDigest.getInstance("SHA-256")
              .digest((node.workflowUid() + "/" + node.nodeId()).getBytes(StandardCharsets.UTF_8));
      return "ARGO-" + HexFormat.of().formatHex(h, 0, 3).toUpperCase(Locale.ROOT);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always there", e);
    }
  }
}
