package dev.greenlight.bot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link SimulatedArgo}'s {@code POST /api/v1/workflows/{ns}/submit}, as Argo's {@code
 * SubmitWorkflow} answers it: a (Cluster)WorkflowTemplate instantiated under {@code
 * submitOptions.name} with its {@code labels} and {@code parameters}; a taken name is answered 409.
 * The new workflow runs one Pod step and ends after two reads, Succeeded, or Failed at the node a
 * test asked for with {@link SimulatedArgo#failNext}.
 */
final class SimulatedSubmit {
  private static final List<String> KINDS = List.of("WorkflowTemplate", "ClusterWorkflowTemplate");

  /** What {@link SimulatedArgo#failNext} asked for: the failing node and its message. */
  record Failure(String node, String message) {}

  private SimulatedSubmit() {}

  static SimulatedArgo.Reply submit(SimulatedArgo argo, String ns, JsonNode req) {
    String kind = req.path("resourceKind").asText("");
    String template = req.path("resourceName").asText("");
    if (!KINDS.contains(kind) || template.isEmpty()) {
      return SimulatedArgo.Reply.error(
          400, 3, "resourceKind must be WorkflowTemplate or ClusterWorkflowTemplate");
    }
    JsonNode opts = req.path("submitOptions");
    Map<String, String> labels = new LinkedHashMap<>();
    String labelText = opts.path("labels").asText("");
    for (String kv : labelText.isEmpty() ? new String[0] : labelText.split(",")) {
      String[] p = kv.split("=", 2);
      if (p.length != 2) {
        return SimulatedArgo.Reply.error(
            400, 3, "expected labels of the form: NAME1=VALUE2,NAME2=VALUE2");
      }
      labels.put(p[0], p[1]);
    }
    labels.put(
        kind.equals("WorkflowTemplate")
            ? "workflows.argoproj.io/workflow-template"
            : "workflows.argoproj.io/cluster-workflow-template",
        template);
    Map<String, String> arguments = new LinkedHashMap<>();
    for (JsonNode p : opts.path("parameters")) {
      String[] kv = p.asText().split("=", 2);
      arguments.put(kv[0], kv.length == 2 ? kv[1] : "");
    }
    String name = opts.path("name").asText("");
    if (name.isEmpty()) {
      name = template + "-" + argo.nextUid();
    }
    if (argo.workflow(ns, name) != null) {
      return SimulatedArgo.Reply.error(
          409, 6, "workflows.argoproj.io \"" + name + "\" already exists");
    }
    SimulatedWorkflow w =
        new SimulatedWorkflow(ns, name, "sim-" + argo.nextUid() + "-" + name, labels, arguments);
    w.node("main", "Pod", "Running");
    w.readsUntilEnd = 2;
    Failure failure = argo.takeFailure(template);
    if (failure != null) {
      w.failAt = failure.node();
      w.failMessage = failure.message();
    }
    argo.put(w);
    return new SimulatedArgo.Reply(200, w.json());
  }
}
