package dev.greenlight.classify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.config.ClassifierSettings;
import java.time.Duration;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;

/** Realistic OpenAI chat-completions replies for MockWebServer. */
final class LlmReplies {
  static final String KEY = "sk-test-SECRET-0123456789";
  private static final ObjectMapper M = new ObjectMapper();

  private LlmReplies() {}

  static ClassifierSettings settings(MockWebServer server, String mode) {
    return new ClassifierSettings(
        mode,
        "nearest",
        server.url("/v1").toString(),
        "gpt-4o-mini",
        "GREENLIGHT_LLM_API_KEY",
        Duration.ofMillis(700),
        3,
        Duration.ofSeconds(10),
        "json_schema",
        "bearer");
  }

  /** A 200 reply whose message content is {@code content} (null for a JSON null). */
  static MockResponse content(String content) {
    ObjectNode root = M.createObjectNode();
    root.put("id", "chatcmpl-AbC123");
    root.put("object", "chat.completion");
    root.put("created", 1_727_000_000);
    root.put("model", "gpt-4o-mini-2024-07-18");
    ObjectNode choice = root.putArray("choices").addObject();
    choice.put("index", 0);
    ObjectNode msg = choice.putObject("message");
    msg.put("role", "assistant");
    msg.put("content", content);
    msg.putNull("refusal");
    choice.putNull("logprobs");
    choice.put("finish_reason", "stop");
    ObjectNode usage = root.putObject("usage");
    usage.put("prompt_tokens", 412);
    usage.put("completion_tokens", 31);
    usage.put("total_tokens", 443);
    root.put("system_fingerprint", "fp_0aa8d3e20b");
    return json(200, root.toString());
  }

  static MockResponse answer(String label, double confidence, String rationale) {
    ObjectNode a = M.createObjectNode();
    a.put("label", label);
    a.put("confidence", confidence);
    a.put("rationale", rationale);
    return content(a.toString());
  }

  static MockResponse error(int code, String type, String message) {
    ObjectNode root = M.createObjectNode();
    ObjectNode e = root.putObject("error");
    e.put("message", message);
    e.put("type", type);
    e.putNull("param");
    e.put("code", type);
    return json(code, root.toString());
  }

  static MockResponse json(int code, String body) {
    return new MockResponse()
        .setResponseCode(code)
        .setHeader("Content-Type", "application/json")
        .setBody(body);
  }
}
