package dev.greenlight.classify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.config.ClassifierSettings;
import java.util.List;

/**
 * Builds the chat-completions request body: the prompt at temperature 0, and a response format that
 * constrains the reply to a JSON object whose label is one of the catalog's.
 */
final class ChatRequest {
  private final ClassifierSettings settings;
  private final String systemPrompt;
  private final List<String> allowedLabels;

  /**
   * @param allowedLabels the catalog's labels and {@link Verdict#UNKNOWN_LABEL}
   */
  ChatRequest(ClassifierSettings settings, String systemPrompt, List<String> allowedLabels) {
    this.settings = settings;
    this.systemPrompt = systemPrompt;
    this.allowedLabels = List.copyOf(allowedLabels);
  }

  /** The JSON request body for classifying {@code text} reported against {@code service}. */
  String body(String service, String text) {
    ObjectNode root = StrictJson.MAPPER.createObjectNode();
    root.put("model", settings.llmModel());
    root.put("temperature", 0);
    ArrayNode messages = root.putArray("messages");
    messages.addObject().put("role", "system").put("content", systemPrompt);
    messages.addObject().put("role", "user").put("content", ChatPrompt.user(service, text));
    ObjectNode format = root.putObject("response_format");
    if (settings.responseFormat().equals("json_object")) {
      format.put("type", "json_object");
    } else {
      format.put("type", "json_schema");
      ObjectNode js = format.putObject("json_schema");
      js.put("name", "incident_classification");
      js.put("strict", true);
      js.set("schema", schema());
    }
    try {
      return StrictJson.MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private ObjectNode schema() {
    ObjectNode s = StrictJson.MAPPER.createObjectNode();
    s.put("type", "object");
    ObjectNode props = s.putObject("properties");
    ObjectNode label = props.putObject("label");
    label.put("type", "string");
    ArrayNode labels = label.putArray("enum");
    allowedLabels.forEach(labels::add);
    ObjectNode conf = props.putObject("confidence");
    conf.put("type", "number");
    conf.put("description", "probability from 0 to 1 that the label is right");
    ObjectNode rationale = props.putObject("rationale");
    rationale.put("type", "string");
    rationale.put("description", "one short sentence, at most 200 characters");
    s.putArray("required").add("label").add("confidence").add("rationale");
    s.put("additionalProperties", false);
    return s;
  }
}
