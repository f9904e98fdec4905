package dev.greenlight.action.argo;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;

/** The fake Argo Server's answers and its label and field selectors. */
final class FakeResponses {
  private static final ObjectMapper JSON = new ObjectMapper();

  private FakeResponses() {}

  /** Equality ({@code k=v}, {@code k==v}), inequality ({@code k!=v}) and existence ({@code k}). */
  static boolean matches(String selector, Map<String, String> labels) {
    if (selector == null || selector.isBlank()) {
      return true;
    }
    for (String req : selector.split(",")) {
      String r = req.trim();
      if (r.contains("!=")) {
        String[] kv = r.split("!=", 2);
        if (kv[1].equals(labels.get(kv[0]))) {
          return false;
        }
      } else if (r.contains("=")) {
        String[] kv = r.split("==?", 2);
        if (!kv[1].equals(labels.get(kv[0]))) {
          return false;
        }
      } else if (!labels.containsKey(r)) {
        return false;
      }
    }
    return true;
  }

  static MockResponse ok(Object body) {
    try {
      return new MockResponse()
          .setHeader("Content-Type", "application/json")
          .setBody(JSON.writeValueAsString(body));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static MockResponse error(int status, int code, String message) {
    return ok(Map.of("code", code, "message", message)).setResponseCode(status);
  }
}
