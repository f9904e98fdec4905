package dev.greenlight.action.argo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One workflow in the {@link FakeArgoServer}'s memory: what was submitted, its phase and its nodes.
 * Tests move phases with the methods below; the server reads them under its own lock.
 */
final class FakeWorkflow {
  final String namespace;
  final String name;
  final String uid;
  final String resourceKind;
  final String template;
  final List<String> parameters;
  final Map<String, String> labels;
  final String created;
  volatile String phase = "Running";
  volatile String message = "";
  volatile String shutdown = "";
  final Map<String, Node> nodes = new LinkedHashMap<>();

  /** Reads left before {@link #ending} is applied; negative: never. */
  int readsUntilEnd = -1;

  java.util.function.Consumer<FakeWorkflow> ending;

  /** One node of the workflow's status. */
  static final class Node {
    final String id;
    final String displayName;
    final String type;
    volatile String phase;
    volatile String message = "";
    String finishedAt;
    final Map<String, String> inputs = new LinkedHashMap<>();
    final Map<String, String> outputs = new LinkedHashMap<>();
    final List<String> suppliedOutputs = new ArrayList<>();

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
      if (finishedAt != null) {
        n.put("finishedAt", finishedAt);
      }
      if (!inputs.isEmpty()) {
        List<Map<String, Object>> params = new ArrayList<>();
        inputs.forEach((k, v) -> params.add(Map.of("name", k, "value", v)));
        n.put("inputs", Map.of("parameters", params));
      }
      if (!outputs.isEmpty() || !suppliedOutputs.isEmpty()) {
        List<Map<String, Object>> params = new ArrayList<>();
        suppliedOutputs.forEach(
            p -> {
              Map<String, Object> param = new LinkedHashMap<>();
              param.put("name", p);
              if (outputs.containsKey(p)) {
                param.put("value", outputs.get(p));
              } else {
                param.put("valueFrom", Map.of("supplied", Map.of()));
              }
              params.add(param);
            });
        n.put("outputs", Map.of("parameters", params));
      }
      return n;
    }
  }

  FakeWorkflow(
      String namespace,
      String name,
      String uid,
      String resourceKind,
      String template,
      List<String> parameters,
      Map<String, String> labels,
      String created) {
    this.namespace = namespace;
    this.name = name;
    this.uid = uid;
    this.resourceKind = resourceKind;
    this.template = template;
    this.parameters = List.copyOf(parameters);
    this.labels = new LinkedHashMap<>(labels);
    this.created = created;
    nodes.put(name, new Node(name, name, "Steps", "Running"));
  }

  /** Adds a node (e.g. a Pod step or a Suspend gate) in {@code phase}. */
  Node node(String displayName, String type, String phase) {
    Node n = new Node(name + "-" + Math.abs(displayName.hashCode()), displayName, type, phase);
    nodes.put(n.id, n);
    return n;
  }

  void succeed() {
    phase = "Succeeded";
    nodes.values().forEach(n -> n.phase = "Succeeded");
  }

  /** Fails the step {@code node} with Argo's {@code message}, and the workflow with it. */
  void fail(String node, String stepMessage) {
    Node n = node(node, "Pod", "Failed");
    n.message = stepMessage;
    n.finishedAt = "2026-12-01T10:00:00Z";
    nodes.get(name).phase = "Failed";
    nodes.get(name).message = "child '" + n.id + "' failed";
    phase = "Failed";
    message = "child '" + n.id + "' failed";
  }

  /** What {@code argo stop} or {@code argo terminate} leaves once the controller is done. */
  void stopFromOutside(String strategy) {
    shutdown = strategy;
    phase = "Failed";
    message = "Stopped with strategy '" + strategy + "'";
  }

  /** The labels as Argo shows them: the submitted ones plus the controller's phase label. */
  Map<String, String> effectiveLabels() {
    Map<String, String> all = new LinkedHashMap<>(labels);
    all.put("workflows.argoproj.io/phase", phase);
    if (!phase.equals("Running")) {
      all.put("workflows.argoproj.io/completed", "true");
    }
    return all;
  }

  Map<String, Object> json() {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", name);
    metadata.put("namespace", namespace);
    metadata.put("uid", uid);
    metadata.put("labels", effectiveLabels());
    metadata.put("creationTimestamp", created);
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("workflowTemplateRef", Map.of("name", template));
    if (!parameters.isEmpty()) {
      List<Map<String, Object>> args = new ArrayList<>();
      for (String p : parameters) {
        int eq = p.indexOf('=');
        args.add(Map.of("name", p.substring(0, eq), "value", p.substring(eq + 1)));
      }
      spec.put("arguments", Map.of("parameters", args));
    }
    if (!shutdown.isEmpty()) {
      spec.put("shutdown", shutdown);
    }
    Map<String, Object> nodeJson = new LinkedHashMap<>();
    nodes.forEach((id, n) -> nodeJson.put(id, n.json(name)));
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("phase", phase);
    if (!message.isEmpty()) {
      status.put("message", message);
    }
    status.put("nodes", nodeJson);
    Map<String, Object> w = new LinkedHashMap<>();
    w.put("metadata", metadata);
    w.put("spec", spec);
    w.put("status", status);
    return w;
  }
}
