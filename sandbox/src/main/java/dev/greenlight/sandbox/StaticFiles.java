package dev.greenlight.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/** Serves the page's files from the {@code sandbox-web/} resources, by plain name only. */
final class StaticFiles {
  private static final String RESOURCES = "/sandbox-web/";
  private static final Map<String, String> CONTENT_TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "svg", "image/svg+xml",
          "png", "image/png",
          "ico", "image/x-icon");

  private StaticFiles() {}

  /** Sends {@code file}, or 404 when the name is not plain or there is no such file or type. */
  static void serve(HttpExchange exchange, String file) throws IOException {
    if (file.isEmpty() || !file.matches("[A-Za-z0-9_-]+\\.[a-z]+")) {
      notFound(exchange);
      return;
    }
    String ext = file.substring(file.lastIndexOf('.') + 1);
    String type = CONTENT_TYPES.get(ext);
    try (InputStream in = StaticFiles.class.getResourceAsStream(RESOURCES + file)) {
      if (in == null || type == null) {
        notFound(exchange);
        return;
      }
      byte[] bytes = in.readAllBytes();
      exchange.getResponseHeaders().set("Content-Type", type);
      exchange.getResponseHeaders().set("Cache-Control", "no-cache");
      exchange.sendResponseHeaders(200, bytes.length == 0 ? -1 : bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  /** Sends a plain-text 404. */
  static void notFound(HttpExchange exchange) throws IOException {
    Http.send(exchange, 404, "text/plain; charset=utf-8", "not found");
  }
}
