package dev.greenlight.bot.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One workflow in the {@link SimulatedArgo}'s memory: its labels, arguments, phase and nodes, shown
 * in the JSON shapes of Argo's {@code swagger.json}. Changed only under the server's lock.
 */
public final class SimulatedWorkflow {
  /** One node of the workflow's status. */
  public static final class Node {
    public final String id;
    public final String displayName;
    public final String type;
    public volatile String phase;
    public volatile String message = "";
    public final Map<String, String> inputs = new LinkedHashMap<>();
    public final Map<String, String> outputs = new LinkedHashMap<>();
    public final List<String> suppliedOutputs = new ArrayList<>();

    Node(String id, String displayName, String type, String phase) {
      this.id = id;
      this.displayName = displayName;
      this.type = type;
      this.phase = phase;
    }

    Map<String, Object> json(String workflow) {
      Map<String, Object> n = new LinkedHashMap<>();
      n.put("id", id);
      n.put("name", workflow + "." + displayName);
      n.put("displayName", displayName);
      n.put("type", type);
      n.put("phase", phase);
      n.put("templateName", displayName);
      if (!message.isEmpty()) {
        n.put("message", message);
      }
      if (!inputs.isEmpty()) {
        n.put("inputs", Map.of("parameters", params(inputs)));
      }
      if (!suppliedOutputs.isEmpty()) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String p : suppliedOutputs) {
          out.add(
              outputs.containsKey(p)
                  ? Map.of("name", p, "value", outputs.get(p))
                  : Map.of("name", p, "valueFrom", Map.of("supplied", Map.of())));
        }
        n.put("outputs", Map.of("parameters", out));
      }
      return n;
    }
  }

  public final String namespace;
  public final String name;
  public final String uid;
  public final Map<String, String> labels;
  public final Map<String, String> arguments;
  public volatile String phase = "Running";
  public volatile String message = "";
  public final Map<String, Node> nodes = new LinkedHashMap<>();

  /** After a resume: how many reads until the workflow ends, and whether it then fails. */
  int readsUntilEnd = -1;

  String failAt;

  /** The failed node's message; a generic one when null. */
  String failMessage;

  SimulatedWorkflow(
      String namespace,
      String name,
      String uid,
      Map<String, String> labels,
      Map<String, String> arguments) {
    this.namespace = namespace;
    this.name = name;
    this.uid = uid;
    this.labels = new LinkedHashMap<>(labels);
    this.arguments = new LinkedHashMap<>(arguments);
    nodes.put(name, new Node(name, name, "Steps", "Running"));
  }

  Node node(String displayName, String type, String phase) {
    Node n =
        new Node(
            name + "-" + Integer.toUnsignedString(displayName.hashCode()),
            displayName,
            type,
            phase);
    nodes.put(n.id, n);
    return n;
  }

  /** The first Suspend node. */
  public Node gate() {
    return nodes.values().stream().filter(n -> n.type.equals("Suspend")).findFirst().orElseThrow();
  }

  void end() {
    if (failAt != null) {
      Node n = node(failAt, "Pod", "Failed");
      n.message =
          failMessage != null ? failMessage : "Error (exit code 1): the simulated step failed";
      phase = "Failed";
      message = "child '" + n.id + "' failed";
    } else {
      phase = "Succeeded";
      nodes.values().forEach(n -> n.phase = n.phase.equals("Running") ? "Succeeded" : n.phase);
    }
    nodes.get(name).phase = phase;
  }

  Map<String, String> effectiveLabels() {
    Map<String, String> all = new LinkedHashMap<>(labels);
    all.put("workflows.argoproj.io/phase", phase);
    return all;
  }

  Map<String, Object> json() {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", name);
    metadata.put("namespace", namespace);
    metadata.put("uid", uid);
    metadata.put("labels", effectiveLabels());
    Map<String, Object> spec = new LinkedHashMap<>();
    if (!arguments.isEmpty()) {
      spec.put("arguments", Map.of("parameters", params(arguments)));
    }
    Map<String, Object> nodeJson = new LinkedHashMap<>();
    nodes.forEach((id, n) -> nodeJson.put(id, n.json(name)));
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("phase", phase);
    if (!message.isEmpty()) {
      status.put("message", message);
    }
    status.put("nodes", nodeJson);
    return Map.of("metadata", metadata, "spec", spec, "status", status);
  }

  private static List<Map<String, Object>> params(Map<String, String> values) {
    List<Map<String, Object>> out = new ArrayList<>();
    values.forEach((k, v) -> out.add(Map.of("name", k, "value", v)));
    return out;
  }
}
