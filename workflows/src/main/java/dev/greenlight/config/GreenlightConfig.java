package dev.greenlight.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.greenlight.api.GateRule;
import dev.greenlight.api.PolicySnapshot;
import dev.greenlight.api.Principal;
import dev.greenlight.api.Risk;
import dev.greenlight.api.RunbookChoice;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything Greenlight is told by its configuration file, validated.
 *
 * @param services the services incidents may name; the only values {@code {service}} takes
 * @param policy the gate policy
 * @param approvers Slack users and user groups allowed to approve or reject
 * @param onCall who verification failures escalate to (a Slack user ID)
 * @param channel where incident cards go; empty means the channel the command was typed in
 * @param runbooks the catalog, with unique IDs
 * @param classifier which classifier runs
 * @param approvals the gate rule of each risk tier
 * @param argo the Argo Servers that runbooks of type {@code argo} reach ({@link ArgoSettings#NONE}
 *     when none do)
 * @param alerts how alerts become incidents, or null when no {@code alerts} section is configured
 * @param rails the circuit breaker and the change freezes
 * @param visibility whether incidents upsert search attributes
 * @param fallbackChannel where an incident is told when Slack refuses its channel for good
 *     (deleted, archived, the bot not in it); empty means a direct message to the requester and the
 *     on-call person
 */
public record GreenlightConfig(
    List<String> services,
    Policy policy,
    List<Principal> approvers,
    String onCall,
    String channel,
    List<Runbook> runbooks,
    ClassifierSettings classifier,
    Map<Risk, TierRule> approvals,
    ArgoSettings argo,
    AlertSettings alerts,
    RailsSettings rails,
    VisibilitySettings visibility,
    String fallbackChannel) {
  private static final Pattern SERVICE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");
  private static final Pattern CHANNEL = Pattern.compile("[CGD][A-Z0-9]{2,}");

  public GreenlightConfig {
    Invalid.require(
        services != null && !services.isEmpty(), "services", " must not be empty (key services)");
    for (String s : services) {
      Invalid.require(
          SERVICE.matcher(s).matches(),
          "services",
          ": '" + s + "' is not a valid service name (lower-case letters, digits, '.', '_', '-')");
    }
    services = List.copyOf(services);
    Check.present("policy", policy);
    Invalid.require(
        approvers != null && !approvers.isEmpty(),
        "approvers",
        " must not be empty (key approvers)");
    approvers = List.copyOf(approvers);
    Invalid.require(
        Principal.isUserId(Check.text("on-call", onCall)),
        "on-call",
        ": '" + onCall + "' is not a Slack user ID like U012ABCDEF");
    channel = channel == null ? "" : channel.trim();
    Invalid.require(
        channel.isEmpty() || CHANNEL.matcher(channel).matches(),
        "channel",
        ": '" + channel + "' is not a Slack channel ID like C012ABCDEF (or leave it empty)");
    Check.present("runbooks", runbooks);
    Invalid.require(!runbooks.isEmpty(), "runbooks", " must not be empty (key runbooks)");
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < runbooks.size(); i++) {
      String id = runbooks.get(i).id();
      Invalid.require(ids.add(id), "runbooks[" + i + "].id", ": duplicate runbook id '" + id + "'");
    }
    runbooks = List.copyOf(runbooks);
    Check.present("classifier", classifier);
    approvals = Map.copyOf(approvals);
    argo = argo == null ? ArgoSettings.NONE : argo;
    rails = rails == null ? RailsSettings.DEFAULT : rails;
    visibility = visibility == null ? VisibilitySettings.DEFAULT : visibility;
    fallbackChannel = fallbackChannel == null ? "" : fallbackChannel.trim();
    Invalid.require(
        fallbackChannel.isEmpty() || CHANNEL.matcher(fallbackChannel).matches(),
        "fallback-channel",
        ": '"
            + fallbackChannel
            + "' is not a Slack channel ID like C012ABCDEF (or leave it empty)");
    for (Risk risk : Risk.values()) {
      Check.present("approvals." + risk.label(), approvals.get(risk));
    }
    if (alerts != null) {
      for (Map.Entry<String, String> hint : alerts.hints().entrySet()) {
        Invalid.require(
            ids.contains(hint.getValue()),
            "alerts.hints." + hint.getKey(),
            ": '" + hint.getValue() + "' is not a runbook id in the catalog");
      }
      Invalid.require(
          !alerts.channel().isEmpty() || !channel.isEmpty(),
          "alerts.channel",
          " is required when the top-level channel is empty (alert incidents need a channel)");
    }
  }

  /** Where alert incidents' cards go (the alerts section's channel, else the top-level one). */
  public String alertChannel() {
    return alerts == null || alerts.channel().isEmpty() ? channel : alerts.channel();
  }

  /**
   * A configuration without an {@code alerts} section or a fallback channel, with the default rails
   * and visibility.
   */
  public GreenlightConfig(
      List<String> services,
      Policy policy,
      List<Principal> approvers,
      String onCall,
      String channel,
      List<Runbook> runbooks,
      ClassifierSettings classifier,
      Map<Risk, TierRule> approvals,
      ArgoSettings argo) {
    this(
        services,
        policy,
        approvers,
        onCall,
        channel,
        runbooks,
        classifier,
        approvals,
        argo,
        null,
        null,
        null,
        "");
  }

  /** The configuration a file describes, with the defaults for the sections it leaves out. */
  @JsonCreator
  static GreenlightConfig fromFile(
      @JsonProperty("services") List<String> services,
      @JsonProperty("policy") Policy policy,
      @JsonProperty("approvers") List<Principal> approvers,
      @JsonProperty("on-call") String onCall,
      @JsonProperty("channel") String channel,
      @JsonProperty("runbooks") List<Runbook> runbooks,
      @JsonProperty("classifier") ClassifierSettings classifier,
      @JsonProperty("approvals") ApprovalRules approvals,
      @JsonProperty("argo") ArgoSettings argo,
      @JsonProperty("alerts") AlertSettings alerts,
      @JsonProperty("rails") RailsSettings rails,
      @JsonProperty("visibility") VisibilitySettings visibility,
      @JsonProperty("fallback-channel") String fallbackChannel) {
    Policy p = policy == null ? Policy.DEFAULT : policy;
    return new GreenlightConfig(
        services,
        p,
        approvers,
        onCall,
        channel,
        runbooks,
        classifier == null ? ClassifierSettings.DEFAULT : classifier,
        (approvals == null ? ApprovalRules.NONE : approvals)
            .resolve(p.approvalTimeout(), approvers),
        argo,
        alerts,
        rails,
        visibility,
        fallbackChannel);
  }

  public Optional<Runbook> runbook(String id) {
    return runbooks.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  public boolean knowsService(String service) {
    return services.contains(service);
  }

  /** The approvers (users and user groups) of a runbook: its own list, or the global one. */
  public List<Principal> approversFor(String runbookId) {
    return runbook(runbookId).map(Runbook::approvers).filter(a -> !a.isEmpty()).orElse(approvers);
  }

  /** The policy in force now, as a workflow carries it for the whole incident. */
  public PolicySnapshot policySnapshot() {
    Map<Risk, GateRule> tiers = new EnumMap<>(Risk.class);
    approvals.forEach((risk, rule) -> tiers.put(risk, rule.toGateRule()));
    Map<String, List<Principal>> overrides = new HashMap<>();
    for (Runbook r : runbooks) {
      if (!r.approvers().isEmpty()) {
        overrides.put(r.id(), r.approvers());
      }
    }
    return new PolicySnapshot(
        policy.confidenceFloor(),
        approvers,
        onCall,
        tiers,
        overrides,
        runbooks.stream().map(r -> new RunbookChoice(r.id(), r.label(), r.risk())).toList(),
        rails.toPolicy(),
        visibility.searchAttributes());
  }
}
