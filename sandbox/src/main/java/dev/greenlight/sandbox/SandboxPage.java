package dev.greenlight.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
 *       /sandbox/view/close}: act as a user.
 * </ul>
 */
final class SandboxPage implements HttpHandler {

  private static final Logger log = LoggerFactory.getLogger(SandboxPage.class);
  private static final String RESOURCES = "/sandbox-web/";
  private static final long KEEP_ALIVE_MILLIS = 15_000;
  private static final Map<String, String> CONTENT_TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "svg", "image/svg+xml",
          "png", "image/png",
          "ico", "image/x-icon");
  private static final List<WorkspaceConfig.DirectoryUser> DEFAULT_USERS =
      List.of(
          new WorkspaceConfig.DirectoryUser("U0ALICE", "alice", "requester"),
          new WorkspaceConfig.DirectoryUser("U0BOB", "bob", "approver"),
          new WorkspaceConfig.DirectoryUser("U0CAROL", "carol", "on-call lead"));
  private static final List<WorkspaceConfig.DirectoryChannel> DEFAULT_CHANNELS =
      List.of(new WorkspaceConfig.DirectoryChannel("C0INCIDENTS", "incidents"));

  private final SlackServer server;
  private final Workspace workspace;

  SandboxPage(SlackServer server, Workspace workspace) {
    this.server = server;
    this.workspace = workspace;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
      try {
        if (method.equals("GET") && (path.equals("/") || path.equals("/index.html"))) {
          serveStatic(exchange, "index.html");
        } else if (method.equals("GET") && path.startsWith("/static/")) {
          serveStatic(exchange, path.substring("/static/".length()));
        } else if (method.equals("GET") && path.equals("/sandbox/state")) {
          Map<String, String> q = query(exchange);
          sendJson(exchange, 200, state(q.get("user"), q.get("channel")));
        } else if (method.equals("GET") && path.equals("/sandbox/events")) {
          events(exchange);
        } else if (method.equals("POST") && path.startsWith("/sandbox/")) {
          JsonNode body = Json.parse(Http.body(exchange));
          if (body == null || !body.isObject()) {
            sendJson(exchange, 400, error("invalid_json"));
            return;
          }
          ObjectNode result =
              switch (path) {
                case "/sandbox/command" -> command(body);
                case "/sandbox/action" -> action(body);
                case "/sandbox/view" -> submitView(body);
                case "/sandbox/view/close" -> closeView(body);
                default -> null;
              };
          if (result == null) {
            sendJson(exchange, 404, error("not_found"));
          } else {
            sendJson(exchange, 200, result);
          }
        } else {
          Http.send(exchange, 404, "text/plain; charset=utf-8", "not found");
        }
      } catch (IllegalArgumentException e) {
        sendJson(exchange, 400, error(e.getMessage() == null ? "invalid_request" : e.getMessage()));
      } catch (RuntimeException e) {
        log.warn("sandbox page {} {} failed", method, path, e);
        sendJson(exchange, 500, error("internal_error"));
      }
    }
  }

  // ---- static files -------------------------------------------------------------------------

  private void serveStatic(HttpExchange exchange, String file) throws IOException {
    if (file.isEmpty() || !file.matches("[A-Za-z0-9_-]+\\.[a-z]+")) {
      Http.send(exchange, 404, "text/plain; charset=utf-8", "not found");
      return;
    }
    String ext = file.substring(file.lastIndexOf('.') + 1);
    String type = CONTENT_TYPES.get(ext);
    try (InputStream in = SandboxPage.class.getResourceAsStream(RESOURCES + file)) {
      if (in == null || type == null) {
        Http.send(exchange, 404, "text/plain; charset=utf-8", "not found");
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

  // ---- state --------------------------------------------------------------------------------

  private ObjectNode state(String user, String channel) {
    WorkspaceConfig config = workspace.config();
    List<WorkspaceConfig.DirectoryUser> users =
        config.users().isEmpty() ? DEFAULT_USERS : config.users();
    List<WorkspaceConfig.DirectoryChannel> channels =
        config.channels().isEmpty() ? DEFAULT_CHANNELS : config.channels();
    if (user == null || user.isBlank()) {
      user = users.get(0).id();
    }
    if (channel == null || channel.isBlank()) {
      channel = channels.get(0).id();
    }
    ObjectNode s = Json.object();
    s.put("version", workspace.changes().version());
    s.put("user", user);
    s.put("channel", channel);
    ObjectNode ws = s.putObject("workspace");
    ws.put("name", WorkspaceConfig.TEAM_NAME);
    ws.put("teamId", config.teamId());
    ObjectNode bot = ws.putObject("bot");
    bot.put("id", config.botUserId());
    bot.put("name", WorkspaceConfig.BOT_USER_NAME);
    ArrayNode userArray = ws.putArray("users");
    for (WorkspaceConfig.DirectoryUser u : users) {
      userArray.addObject().put("id", u.id()).put("name", u.name()).put("role", u.role());
    }
    ArrayNode channelArray = ws.putArray("channels");
    for (WorkspaceConfig.DirectoryChannel c : channels) {
      channelArray.addObject().put("id", c.id()).put("name", c.name());
    }
    ArrayNode groups = ws.putArray("userGroups");
    workspace
        .userGroups()
        .forEach(
            (id, members) -> {
              ObjectNode g = groups.addObject().put("id", id);
              members.forEach(g.putArray("members")::add);
            });

    ArrayNode messages = s.putArray("messages");
    for (Message m : workspace.messages().topLevel(channel)) {
      ObjectNode json = messageJson(m);
      ArrayNode replies = json.putArray("replies");
      for (Message r : workspace.messages().replies(channel, m.ts())) {
        replies.add(messageJson(r));
      }
      messages.add(json);
    }
    ArrayNode ephemerals = s.putArray("ephemerals");
    for (Message m : workspace.messages().ephemerals(user)) {
      if (m.channel().equals(channel)) {
        ephemerals.add(messageJson(m).put("ephemeral", true));
      }
    }
    ArrayNode views = s.putArray("views");
    for (View v : server.openViews(user)) {
      views.addObject().put("id", v.id()).set("view", v.view().deepCopy());
    }
    return s;
  }

  private ObjectNode messageJson(Message m) {
    ObjectNode json = Json.object();
    json.put("ts", m.ts());
    json.put("channel", m.channel());
    if (m.threadTs() != null) {
      json.put("threadTs", m.threadTs());
    }
    json.put("user", m.user());
    json.put("userName", workspace.userName(m.user()));
    json.put("bot", workspace.config().botUserId().equals(m.user()));
    json.put("text", m.text());
    json.set("blocks", m.blocks().deepCopy());
    json.put("edited", m.editCount() > 0);
    return json;
  }

  // ---- Server-Sent Events -------------------------------------------------------------------

  private void events(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    exchange.sendResponseHeaders(200, 0);
    ChangeFeed feed = workspace.changes();
    OutputStream out = exchange.getResponseBody();
    long seen = feed.version();
    write(out, "retry: 1000\n: connected\n\n");
    try {
      while (!feed.isClosed()) {
        long now = feed.awaitChange(seen, KEEP_ALIVE_MILLIS);
        if (feed.isClosed()) {
          break;
        }
        if (now != seen) {
          seen = now;
          write(out, "event: change\ndata: " + now + "\n\n");
        } else {
          write(out, ": keep-alive\n\n");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      log.debug("event stream closed by the browser: {}", e.toString());
    }
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  // ---- actions as a user --------------------------------------------------------------------

  private ObjectNode command(JsonNode body) {
    String user = required(body, "user");
    String channel = required(body, "channel");
    String text = body.path("text").asText("").strip();
    if (text.isEmpty()) {
      return error("empty_message");
    }
    if (text.startsWith("/")) {
      int space = text.indexOf(' ');
      String command = space < 0 ? text : text.substring(0, space);
      String rest = space < 0 ? "" : text.substring(space + 1).strip();
      server.sendSlashCommand(user, channel, command, rest);
    } else {
      server.postUserMessage(user, channel, text);
    }
    return ok();
  }

  private ObjectNode action(JsonNode body) {
    String user = required(body, "user");
    String channel = required(body, "channel");
    String ts = required(body, "ts");
    String actionId = required(body, "actionId");
    String value = body.hasNonNull("value") ? body.get("value").asText() : null;
    Optional<Message> message = workspace.messages().find(channel, ts);
    if (message.isEmpty()) {
      message =
          workspace.messages().ephemerals(user).stream()
              .filter(m -> m.ts().equals(ts) && m.channel().equals(channel))
              .findFirst();
    }
    if (message.isEmpty()) {
      return error("message_not_found");
    }
    try {
      if (value == null) {
        server.clickButton(user, message.get(), actionId);
      } else {
        server.selectOption(user, message.get(), actionId, value);
      }
    } catch (IllegalArgumentException e) {
      return error("no_such_action");
    }
    return ok();
  }

  private ObjectNode submitView(JsonNode body) {
    String user = required(body, "user");
    String viewId = required(body, "viewId");
    Optional<View> view = workspace.view(viewId);
    if (view.isEmpty() || !workspace.isViewOpen(viewId)) {
      return error("view_not_found");
    }
    Map<String, String> values = new LinkedHashMap<>();
    body.path("values")
        .fields()
        .forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
    SentEnvelope sent = server.submitView(user, view.get(), values);
    Ack ack;
    try {
      ack = sent.ack().get(5, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      return error("no_ack");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return error("interrupted");
    } catch (ExecutionException e) {
      return error("no_ack");
    }
    JsonNode payload = ack.payload();
    if (payload != null && "errors".equals(payload.path("response_action").asText())) {
      ObjectNode r = error("validation_failed");
      r.set("errors", payload.path("errors").deepCopy());
      return r;
    }
    workspace.closeView(viewId); // the ack callback does the same; make it visible right away
    return ok();
  }

  private ObjectNode closeView(JsonNode body) {
    required(body, "user");
    String viewId = required(body, "viewId");
    if (workspace.view(viewId).isEmpty()) {
      return error("view_not_found");
    }
    server.closeView(viewId);
    return ok();
  }

  // ---- helpers ------------------------------------------------------------------------------

  private static String required(JsonNode body, String field) {
    String value = body.path(field).asText("");
    if (value.isBlank()) {
      throw new IllegalArgumentException("missing_" + field);
    }
    return value;
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

  private static void sendJson(HttpExchange exchange, int status, ObjectNode json)
      throws IOException {
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    Http.send(exchange, status, Http.JSON_UTF8, Json.write(json));
  }

  private static ObjectNode ok() {
    return Json.object().put("ok", true);
  }

  private static ObjectNode error(String code) {
    return Json.object().put("ok", false).put("error", code);
  }
}
