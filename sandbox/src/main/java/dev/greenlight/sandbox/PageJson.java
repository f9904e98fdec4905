package dev.greenlight.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/** The JSON replies of the sandbox page's endpoints: {@code {"ok":true}} or an error code. */
final class PageJson {

  private PageJson() {}

  static ObjectNode ok() {
    return Json.object().put("ok", true);
  }

  static ObjectNode error(String code) {
    return Json.object().put("ok", false).put("error", code);
  }

  /** Sends {@code json} uncached with {@code status}. */
  static void send(HttpExchange exchange, int status, ObjectNode json) throws IOException {
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    Http.send(exchange, status, Http.JSON_UTF8, Json.write(json));
  }
}
