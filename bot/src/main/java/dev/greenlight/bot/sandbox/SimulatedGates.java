package dev.greenlight.bot.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The selectors of the {@link SimulatedArgo}: label selectors and Argo's node field selectors. */
final class SimulatedGates {
  private SimulatedGates() {}

  /** A query parameter's decoded value, or empty. */
  static String param(String rawQuery, String name) {
    if (rawQuery == null) {
      return "";
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      if (key.equals(name)) {
        return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return "";
  }

  /** Whether every {@code key=value} of the selector holds; an empty selector matches all. */
  static boolean matches(String selector, Map<String, String> fields) {
    for (String[] kv : terms(selector)) {
      if (!kv[1].equals(fields.get(kv[0]))) {
        return false;
      }
    }
    return true;
  }

  /** Argo's node fields: {@code id}, {@code displayName}, {@code templateName}, {@code phase}. */
  static boolean matchesNode(String selector, SimulatedWorkflow.Node n) {
    return matches(
        selector,
        Map.of(
            "id", n.id,
            "displayName", n.displayName,
            "templateName", n.displayName,
            "phase", n.phase));
  }

  /** {@code a=b,c=d} with {@code \,}, {@code \=} and {@code \\} escapes. */
  private static List<String[]> terms(String selector) {
    List<String[]> out = new ArrayList<>();
    if (selector == null || selector.isEmpty()) {
      return out;
    }
    StringBuilder key = new StringBuilder();
    StringBuilder value = new StringBuilder();
    StringBuilder cur = key;
    for (int i = 0; i < selector.length(); i++) {
      char c = selector.charAt(i);
      if (c == '\\' && i + 1 < selector.length()) {
        cur.append(selector.charAt(++i));
      } else if (c == '=' && cur == key) {
        cur = value;
      } else if (c == ',') {
        out.add(new String[] {key.toString(), value.toString()});
        key.setLength(0);
        value.setLength(0);
        cur = key;
      } else {
        cur.append(c);
      }
    }
    out.add(new String[] {key.toString(), value.toString()});
    return out;
  }
}
