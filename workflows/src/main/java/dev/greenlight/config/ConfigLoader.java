package dev.greenlight.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.greenlight.api.Principal;
import dev.greenlight.api.Risk;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and validates the YAML configuration. A bad file fails as a whole with a message naming the
 * key, so Greenlight never starts half configured.
 */
public final class ConfigLoader {
  /** The built-in demo catalog, used when no file is given. */
  public static final String DEMO_RESOURCE = "/greenlight-demo.yml";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern SERVICE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
  private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

  private ConfigLoader() {}

  public static GreenlightConfig load(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (java.nio.file.NoSuchFileException e) {
      throw new ConfigException("config file " + file + " does not exist", e);
    } catch (IOException e) {
      throw new ConfigException("cannot read config file " + file + ": " + e.getMessage(), e);
    }
  }

  public static GreenlightConfig loadDemo() {
    try (InputStream in = ConfigLoader.class.getResourceAsStream(DEMO_RESOURCE)) {
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "built-in demo config");
    } catch (IOException e) {
      throw new ConfigException("cannot read the built-in demo config", e);
    }
  }

  /** Parses YAML text; {@code source} names the file in messages. */
  public static GreenlightConfig parse(String yaml, String source) {
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (JacksonException e) {
      throw new ConfigException(source + " is not valid YAML: " + e.getOriginalMessage(), e);
    }
    if (root == null || root.isMissingNode()) {
      throw new ConfigException(source + " is empty");
    }
    try {
      return read(new ConfigNode(root, ""));
    } catch (ConfigException e) {
      throw new ConfigException(e.getMessage() + " (in " + source + ")");
    }
  }

  private static GreenlightConfig read(ConfigNode root) {
    root.allowOnly(
        Set.of(
            "services",
            "policy",
            "approvers",
            "on-call",
            "channel",
            "runbooks",
            "classifier",
            "approvals"));
    List<String> services = root.texts("services");
    if (services.isEmpty()) {
      throw ConfigNode.fail("services must not be empty (key services)");
    }
    for (String s : services) {
      require(
          SERVICE.matcher(s).matches(),
          "services: '"
              + s
              + "' is not a valid service name (lower-case letters, digits, '.', '_', '-')");
    }
    List<String> approverIds = root.texts("approvers");
    require(!approverIds.isEmpty(), "approvers must not be empty (key approvers)");
    for (String a : approverIds) {
      require(
          Principal.parse(a).isPresent(),
          "approvers: '"
              + a
              + "' is not a Slack user ID (U012ABCDEF) or user group ID (S012ABCDEF)");
    }
    String onCall = root.text("on-call");
    require(
        Principal.isUserId(onCall),
        "on-call: '" + onCall + "' is not a Slack user ID like U012ABCDEF");
    String channel = root.has("channel") ? root.child("channel").toString() : "";
    require(
        channel.isEmpty() || channel.matches("[CGD][A-Z0-9]{2,}"),
        "channel: '" + channel + "' is not a Slack channel ID like C012ABCDEF (or leave it empty)");
    List<Principal> approvers = approverIds.stream().map(Principal::of).toList();
    Policy policy = policy(root.has("policy") ? root.child("policy") : null);
    List<Runbook> runbooks = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (ConfigNode r : root.list("runbooks")) {
      Runbook runbook = runbook(r);
      require(ids.add(runbook.id()), r.key("id") + ": duplicate runbook id '" + runbook.id() + "'");
      runbooks.add(runbook);
    }
    require(!runbooks.isEmpty(), "runbooks must not be empty (key runbooks)");
    ClassifierSettings classifier =
        ClassifierSettings.read(root.has("classifier") ? root.child("classifier") : null);
    Map<Risk, TierRule> approvals =
        ApprovalRules.read(
            root.has("approvals") ? root.child("approvals") : null,
            policy.approvalTimeout(),
            approvers);
    return new GreenlightConfig(
        services, policy, approvers, onCall, channel, runbooks, classifier, approvals);
  }

  private static Policy policy(ConfigNode p) {
    if (p == null) {
      return new Policy(
          Policy.DEFAULT_CONFIDENCE_FLOOR,
          Policy.DEFAULT_MIN_SIMILARITY,
          Policy.DEFAULT_APPROVAL_TIMEOUT);
    }
    p.allowOnly(Set.of("confidence-floor", "min-similarity", "approval-timeout"));
    return new Policy(
        p.fraction("confidence-floor", Policy.DEFAULT_CONFIDENCE_FLOOR),
        p.fraction("min-similarity", Policy.DEFAULT_MIN_SIMILARITY),
        p.duration("approval-timeout", Policy.DEFAULT_APPROVAL_TIMEOUT));
  }

  private static Runbook runbook(ConfigNode r) {
    r.allowOnly(
        Set.of("id", "label", "risk", "description", "examples", "action", "verify", "approvers"));
    String id = r.text("id");
    require(
        ID.matcher(id).matches(),
        r.key("id") + ": '" + id + "' must be lower-case letters, digits and '-'");
    String riskText = r.text("risk");
    Risk risk = Risk.parse(riskText);
    require(
        risk != null, r.key("risk") + " must be one of low, medium, high (got '" + riskText + "')");
    List<String> examples = r.texts("examples");
    require(!examples.isEmpty(), r.key("examples") + " must list at least one example symptom");
    List<String> overrideIds = r.texts("approvers");
    for (String a : overrideIds) {
      require(
          Principal.parse(a).isPresent(),
          r.key("approvers") + ": '" + a + "' is not a Slack user or user group ID");
    }
    List<Principal> overrides = overrideIds.stream().map(Principal::of).toList();
    return new Runbook(
        id,
        r.text("label"),
        risk,
        r.text("description", ""),
        examples,
        action(r.child("action")),
        probe(r.child("verify")),
        overrides);
  }

  private static HttpAction action(ConfigNode a) {
    a.allowOnly(Set.of("type", "method", "url", "body", "headers", "timeout"));
    String type = a.text("type", "http");
    require(type.equals("http"), a.key("type") + " must be 'http' (got '" + type + "')");
    String method = a.text("method", "POST").toUpperCase(java.util.Locale.ROOT);
    require(
        METHODS.contains(method),
        a.key("method") + " must be one of " + METHODS + " (got '" + method + "')");
    String url = template(a, "url", a.text("url"));
    requireHttpUrl(a.key("url"), url);
    String body = template(a, "body", a.text("body", ""));
    Map<String, String> headers = a.textMap("headers");
    for (String h : headers.keySet()) {
      require(
          !h.equalsIgnoreCase("Idempotency-Key"),
          a.key("headers") + ": Idempotency-Key is set by Greenlight and cannot be configured");
    }
    Duration timeout = a.duration("timeout", Duration.ofSeconds(30));
    require(
        timeout.compareTo(Duration.ofMinutes(4)) <= 0,
        a.key("timeout") + " must be at most 4m (got " + timeout + ")");
    return new HttpAction(method, url, body, headers, timeout);
  }

  private static Probe probe(ConfigNode v) {
    v.allowOnly(Set.of("url", "expect-status", "timeout", "interval"));
    String url = template(v, "url", v.text("url"));
    requireHttpUrl(v.key("url"), url);
    Duration timeout = v.duration("timeout", Duration.ofMinutes(2));
    Duration interval = v.duration("interval", Duration.ofSeconds(5));
    require(
        timeout.compareTo(Duration.ofMinutes(50)) <= 0,
        v.key("timeout") + " must be at most 50m (got " + timeout + ")");
    require(
        interval.compareTo(Duration.ofMinutes(1)) <= 0,
        v.key("interval") + " must be at most 1m (got " + interval + ")");
    require(
        interval.compareTo(timeout) <= 0,
        v.key("interval") + " must not be longer than " + v.key("timeout"));
    return new Probe(url, v.integer("expect-status", 200, 100, 599), timeout, interval);
  }

  private static String template(ConfigNode n, String key, String value) {
    String bad = Template.unknownPlaceholder(value);
    require(
        bad == null,
        n.key(key) + ": unknown placeholder " + bad + " (allowed: {service}, {incident})");
    return value;
  }

  private static void requireHttpUrl(String key, String url) {
    require(
        url.startsWith("http://") || url.startsWith("https://"),
        key + " must start with http:// or https:// (got '" + url + "')");
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw ConfigNode.fail(message);
    }
  }
}
