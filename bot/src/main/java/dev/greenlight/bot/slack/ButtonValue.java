package dev.greenlight.bot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * What a gate button or menu option carries: the workflow ID, the gate's nonce and, for the runbook
 * menu, the runbook ID (validated against the catalog by the workflow, never trusted).
 */
public record ButtonValue(String workflowId, String nonce, String runbookId) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public ButtonValue(String workflowId, String nonce) {
    this(workflowId, nonce, null);
  }

  public String encode() {
    ObjectNode n = JSON.createObjectNode().put("wf", workflowId).put("nonce", nonce);
    if (runbookId != null) {
      n.put("rb", runbookId);
    }
    return n.toString();
  }

  /** Empty when the value is not one Greenlight made. */
  public static Optional<ButtonValue> decode(String value) {
    try {
      JsonNode n = JSON.readTree(value == null ? "" : value);
      String wf = n.path("wf").asText("");
      String nonce = n.path("nonce").asText("");
      if (!ArgoGateView.decidable(wf) || nonce.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(
          new ButtonValue(wf, nonce, n.hasNonNull("rb") ? n.get("rb").asText() : null));
    } catch (Exception e) {
      return Optional.empty();
    }
  }
}
