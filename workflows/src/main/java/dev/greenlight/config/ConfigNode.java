package dev.greenlight.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A YAML node that knows its key path, so every complaint names the key it is about. */
final class ConfigNode {
  private final JsonNode node;
  private final String path;

  ConfigNode(JsonNode node, String path) {
    this.node = node;
    this.path = path;
  }

  String path() {
    return path;
  }

  boolean has(String key) {
    JsonNode child = node.get(key);
    return child != null && !child.isNull();
  }

  ConfigNode child(String key) {
    JsonNode child = node.get(key);
    if (child == null || child.isNull()) {
      throw fail(key(key) + " is required");
    }
    return new ConfigNode(child, key(key));
  }

  void allowOnly(Set<String> keys) {
    if (!node.isObject()) {
      throw fail((path.isEmpty() ? "the file" : path) + " must be a mapping");
    }
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!keys.contains(name)) {
        throw fail(
            "unknown key "
                + key(name)
                + " (allowed here: "
                + String.join(", ", keys.stream().sorted().toList())
                + ")");
      }
    }
  }

  String text(String key) {
    JsonNode child = child(key).node;
    if (!child.isValueNode() || child.asText().isBlank()) {
      throw fail(key(key) + " must be a non-empty text");
    }
    return child.asText().trim();
  }

  String text(String key, String fallback) {
    return has(key) ? text(key) : fallback;
  }

  double fraction(String key, double fallback) {
    if (!has(key)) {
      return fallback;
    }
    JsonNode child = node.get(key);
    if (!child.isNumber() || child.asDouble() < 0 || child.asDouble() > 1) {
      throw fail(key(key) + " must be a number from 0 to 1 (got '" + child.asText() + "')");
    }
    return child.asDouble();
  }

  int integer(String key, int fallback, int min, int max) {
    if (!has(key)) {
      return fallback;
    }
    JsonNode child = node.get(key);
    if (!child.canConvertToInt()
        || !child.isIntegralNumber()
        || child.asInt() < min
        || child.asInt() > max) {
      throw fail(
          key(key)
              + " must be a whole number from "
              + min
              + " to "
              + max
              + " (got '"
              + child.asText()
              + "')");
    }
    return child.asInt();
  }

  Duration duration(String key, Duration fallback) {
    if (!has(key)) {
      return fallback;
    }
    String raw = node.get(key).asText();
    Duration d = Durations.parse(raw);
    if (d == null || d.isZero() || d.isNegative()) {
      throw fail(
          key(key) + " must be a positive duration like 30s, 5m, 4h or PT4H (got '" + raw + "')");
    }
    return d;
  }

  boolean bool(String key, boolean fallback) {
    if (!has(key)) {
      return fallback;
    }
    JsonNode child = node.get(key);
    if (!child.isBoolean()) {
      throw fail(key(key) + " must be true or false (got '" + child.asText() + "')");
    }
    return child.asBoolean();
  }

  /** A list of texts, or a single text taken as a one-item list. */
  List<String> textsOrOne(String key) {
    if (has(key) && node.get(key).isValueNode()) {
      return List.of(text(key));
    }
    return texts(key);
  }

  List<String> texts(String key) {
    if (!has(key)) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (ConfigNode item : list(key)) {
      if (!item.node.isValueNode() || item.node.asText().isBlank()) {
        throw fail(item.path + " must be a non-empty text");
      }
      out.add(item.node.asText().trim());
    }
    return out;
  }

  List<ConfigNode> list(String key) {
    ConfigNode child = child(key);
    if (!child.node.isArray()) {
      throw fail(child.path + " must be a list");
    }
    List<ConfigNode> out = new ArrayList<>();
    for (int i = 0; i < child.node.size(); i++) {
      out.add(new ConfigNode(child.node.get(i), child.path + "[" + i + "]"));
    }
    return out;
  }

  Map<String, String> textMap(String key) {
    if (!has(key)) {
      return Map.of();
    }
    ConfigNode child = child(key);
    if (!child.node.isObject()) {
      throw fail(child.path + " must be a mapping");
    }
    Map<String, String> out = new LinkedHashMap<>();
    child.node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }

  /** The node's scalar text, trimmed. */
  @Override
  public String toString() {
    return node.isValueNode() ? node.asText().trim() : node.toString();
  }

  String key(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  static ConfigException fail(String message) {
    return new ConfigException(message);
  }
}
