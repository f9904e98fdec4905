package dev.greenlight.action.argo;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;

/**
 * The fake server's {@code PUT …/set}, {@code …/resume} and {@code …/stop}, applied as Argo's
 * {@code updateSuspendedNode} does: only running Suspend nodes matching {@code nodeFieldSelector}
 * change, and when none match the answer is HTTP 500 "no suspend nodes matching nodeFieldSelector".
 */
final class FakeGates {
  private static final ObjectMapper JSON = new ObjectMapper();

  private FakeGates() {}

  static MockResponse apply(FakeArgoServer server, FakeWorkflow w, String op, String body)
      throws IOException {
    if (w == null) {
      return FakeResponses.error(404, 5, "workflows.argoproj.io not found");
    }
    JsonNode req = JSON.readTree(body);
    String selector = req.path("nodeFieldSelector").asText("");
    String message = req.path("message").asText("");
    if (!List.of("set", "resume", "stop").contains(op)) {
      return FakeResponses.error(404, 5, "Not Found");
    }
    if (selector.isEmpty()) {
      // Greenlight never sends a workflow-level call; the fake refuses so a test notices.
      return FakeResponses.error(400, 3, "fake: a workflow-level " + op + " is not expected");
    }
    List<FakeWorkflow.Node> targets = new ArrayList<>();
    for (FakeWorkflow.Node n : w.nodes.values()) {
      if (n.type.equals("Suspend") && n.phase.equals("Running") && matches(selector, w, n)) {
        targets.add(n);
      }
    }
    if (targets.isEmpty()) {
      return FakeResponses.error(
          500,
          13,
          "currently, set only targets suspend nodes: no suspend nodes matching nodeFieldSelector: "
              + selector);
    }
    Map<String, String> outputs = new LinkedHashMap<>();
    String outputText = req.path("outputParameters").asText("");
    if (!outputText.isEmpty()) {
      outputs = JSON.readValue(outputText, new TypeReference<Map<String, String>>() {});
    }
    for (FakeWorkflow.Node n : targets) {
      for (String name : outputs.keySet()) {
        if (!n.suppliedOutputs.contains(name) || n.outputs.containsKey(name)) {
          return FakeResponses.error(
              500, 13, "node is not expecting output parameter '" + name + "'");
        }
      }
    }
    for (FakeWorkflow.Node n : targets) {
      n.outputs.putAll(outputs);
      switch (op) {
        case "resume" -> n.phase = "Succeeded";
        case "stop" -> n.phase = "Failed";
        default -> {
          String phase = req.path("phase").asText("");
          if (!phase.isEmpty()) {
            n.phase = phase;
          }
        }
      }
      if (!message.isEmpty()) {
        n.message = message;
      }
    }
    return FakeResponses.ok(w.json());
  }

  /** Argo's node fields: {@code id}, {@code name}, {@code displayName}, {@code templateName}. */
  private static boolean matches(String selector, FakeWorkflow w, FakeWorkflow.Node n) {
    Map<String, String> fields =
        Map.of(
            "id", n.id,
            "name", w.name + "." + n.displayName,
            "displayName", n.displayName,
            "templateName", n.displayName,
            "phase", n.phase);
    return FakeResponses.matches(selector, fields);
  }
}
