package dev.greenlight.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** Reading a Web API call's form parameters as Slack does, with Slack's error codes. */
final class ApiParams {
  private ApiParams() {}

  /** The {@code blocks} parameter: a JSON array (block IDs filled in), or null when absent. */
  static JsonNode blocks(Map<String, String> p) {
    JsonNode blocks = parseJsonParam(p, "blocks");
    if (blocks != null && !blocks.isArray()) {
      throw new SlackError("invalid_blocks");
    }
    return Payloads.withBlockIds(blocks);
  }

  /** A JSON parameter, or null when absent; malformed JSON is {@code invalid_arguments}. */
  static JsonNode parseJsonParam(Map<String, String> p, String name) {
    try {
      return Json.parse(p.get(name));
    } catch (IllegalArgumentException e) {
      throw new SlackError(name.equals("blocks") ? "invalid_blocks" : "invalid_arguments");
    }
  }

  /** A parameter that must not be blank, else the error {@code errorCode}. */
  static String require(Map<String, String> p, String name, String errorCode) {
    String value = blankToNull(p.get(name));
    if (value == null) {
      throw new SlackError(errorCode);
    }
    return value;
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
