package dev.greenlight.sandbox;

import static dev.greenlight.sandbox.PageJson.error;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The browser chat page of the sandbox and its JSON endpoints, on the same HTTP server as the Web
 * API:
 *
 * <ul>
 *   <li>{@code GET /} and {@code GET /static/<file>}: the static page ({@code sandbox-web/});
 *   <li>{@code GET /sandbox/state?user=&channel=}: what that user sees in that channel;
 *   <li>{@code GET /sandbox/events}: Server-Sent Events, {@code event: change} on every change;
 *   <li>{@code POST /sandbox/command}, {@code /sandbox/action}, {@code /sandbox/view}, {@code
 *       /sandbox/view/close}: act as a user; {@code POST /sandbox/home}: the user opens the app's
 *       Home tab ({@code app_home_opened}), whose published view the state then carries.
 * </ul>
 */
final class SandboxPage implements HttpHandler {

  private static final Logger log = LoggerFactory.getLogger(SandboxPage.class);

  private final Workspace workspace;
  private final PageState state;
  private final PageActions actions;

  SandboxPage(SlackServer server, Workspace workspace) {
    this.workspace = workspace;
    this.state = new PageState(workspace, server::openViews, server::homeTab);
    this.actions = new PageActions(server, workspace);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
      try {
        if (method.equals("GET") && (path.equals("/") || path.equals("/index.html"))) {
          StaticFiles.serve(exchange, "index.html");
        } else if (method.equals("GET") && path.startsWith("/static/")) {
          StaticFiles.serve(exchange, path.substring("/static/".length()));
        } else if (method.equals("GET") && path.equals("/sandbox/state")) {
          Map<String, String> q = query(exchange);
          PageJson.send(exchange, 200, state.of(q.get("user"), q.get("channel")));
        } else if (method.equals("GET") && path.equals("/sandbox/events")) {
          ChangeStream.stream(exchange, workspace.changes());
        } else if (method.equals("POST") && path.startsWith("/sandbox/")) {
          post(exchange, path);
        } else {
          StaticFiles.notFound(exchange);
        }
      } catch (IllegalArgumentException e) {
        PageJson.send(
            exchange, 400, error(e.getMessage() == null ? "invalid_request" : e.getMessage()));
      } catch (RuntimeException e) {
        log.warn("sandbox page {} {} failed", method, path, e);
        PageJson.send(exchange, 500, error("internal_error"));
      }
    }
  }

  private void post(HttpExchange exchange, String path) throws IOException {
    JsonNode body = Json.parse(Http.body(exchange));
    if (body == null || !body.isObject()) {
      PageJson.send(exchange, 400, error("invalid_json"));
      return;
    }
    ObjectNode result = actions.handle(path, body);
    if (result == null) {
      PageJson.send(exchange, 404, error("not_found"));
    } else {
      PageJson.send(exchange, 200, result);
    }
  }

  private static Map<String, String> query(HttpExchange exchange) {
    Map<String, String> q = new LinkedHashMap<>();
    String raw = exchange.getRequestURI().getRawQuery();
    if (raw == null) {
      return q;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      q.put(
          URLDecoder.decode(k, StandardCharsets.UTF_8),
          URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return q;
  }
}
