package dev.greenlight.bot.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reading a webhook body's fields with Jackson, each failure naming the field. */
final class JsonFields {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** How many alerts one request may carry. */
  static final int MAX_ALERTS = 1000;

  private JsonFields() {}

  static JsonNode parse(byte[] body) throws BadPayload {
    try {
      JsonNode root = MAPPER.readTree(body);
      if (root == null || root.isMissingNode()) {
        throw new BadPayload("the body is empty: a JSON object is expected");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw new BadPayload("the body is not valid JSON: " + e.getOriginalMessage());
    } catch (java.io.IOException e) {
      throw new BadPayload("the body could not be read: " + e.getMessage());
    }
  }

  /** A required non-empty text (numbers are taken as their text). */
  static String text(JsonNode node, String field) throws BadPayload {
    String v = optionalText(node, field);
    if (v == null || v.isBlank()) {
      throw new BadPayload(field + " is required (a non-empty string)");
    }
    return v;
  }

  /** An optional text; null when absent or null. */
  static String optionalText(JsonNode node, String field) throws BadPayload {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return null;
    }
    if (!node.isValueNode()) {
      throw new BadPayload(field + " must be a string (got " + node.getNodeType() + ")");
    }
    return node.asText();
  }

  /** An object of string values; empty when absent. */
  static Map<String, String> strings(JsonNode node, String field) throws BadPayload {
    Map<String, String> out = new LinkedHashMap<>();
    if (node == null || node.isMissingNode() || node.isNull()) {
      return out;
    }
    if (!node.isObject()) {
      throw new BadPayload(field + " must be an object of strings");
    }
    var fields = node.fields();
    while (fields.hasNext()) {
      var e = fields.next();
      out.put(e.getKey(), optionalText(e.getValue(), field + "." + e.getKey()));
    }
    out.values().removeIf(java.util.Objects::isNull);
    return out;
  }

  /**
   * A time as RFC 3339 text (Alertmanager's) or epoch milliseconds; 0 for Go's zero time, which
   * Alertmanager sends as the end of a firing alert.
   */
  static long time(JsonNode node, String field) throws BadPayload {
    if (node.isIntegralNumber()) {
      return node.asLong();
    }
    String v = text(node, field);
    if (v.startsWith("0001-01-01")) {
      return 0;
    }
    try {
      return OffsetDateTime.parse(v).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(v).toEpochMilli();
      } catch (DateTimeParseException e2) {
        throw new BadPayload(field + ": " + BadPayload.quote(v) + " is not an RFC 3339 time");
      }
    }
  }
}
