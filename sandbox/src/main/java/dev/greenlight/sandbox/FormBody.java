package dev.greenlight.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses Web API request bodies into flat string parameters, the way Slack does: {@code
 * application/x-www-form-urlencoded} fields as-is, or the top-level fields of an {@code
 * application/json} body (non-textual values are kept as JSON text, so {@code blocks} looks the
 * same in both cases).
 */
final class FormBody {

  private FormBody() {}

  static Map<String, String> parse(String contentType, String body) {
    Map<String, String> params = new LinkedHashMap<>();
    if (body == null || body.isBlank()) {
      return params;
    }
    String type = contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT);
    if (type.startsWith("application/json") || (type.isEmpty() && body.strip().startsWith("{"))) {
      parseJson(body, params);
    } else {
      parseForm(body, params);
    }
    return params;
  }

  /** Parses a query string or form body; later duplicates win. */
  static void parseForm(String body, Map<String, String> into) {
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      into.put(decode(key), decode(value));
    }
  }

  private static void parseJson(String body, Map<String, String> into) {
    JsonNode root = Json.parse(body);
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("JSON body must be an object");
    }
    for (Map.Entry<String, JsonNode> field : root.properties()) {
      JsonNode value = field.getValue();
      if (value.isNull()) {
        continue;
      }
      into.put(field.getKey(), value.isValueNode() ? value.asText() : Json.write(value));
    }
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
