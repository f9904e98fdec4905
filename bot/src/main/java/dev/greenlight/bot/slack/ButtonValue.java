package dev.greenlight.bot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/** What an Approve/Reject button carries: the workflow ID and the gate's nonce. */
public record ButtonValue(String workflowId, String nonce) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public String encode() {
    return JSON.createObjectNode().put("wf", workflowId).put("nonce", nonce).toString();
  }

  /** Empty when the value is not one Greenlight made. */
  public static Optional<ButtonValue> decode(String value) {
    try {
      JsonNode n = JSON.readTree(value == null ? "" : value);
      String wf = n.path("wf").asText("");
      String nonce = n.path("nonce").asText("");
      if (!wf.startsWith("incident-") || nonce.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new ButtonValue(wf, nonce));
    } catch (Exception e) {
      return Optional.empty();
    }
  }
}
