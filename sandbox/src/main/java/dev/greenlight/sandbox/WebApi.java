package dev.greenlight.sandbox;

import static dev.greenlight.sandbox.ApiParams.blankToNull;
import static dev.greenlight.sandbox.ApiParams.blocks;
import static dev.greenlight.sandbox.ApiParams.parseJsonParam;
import static dev.greenlight.sandbox.ApiParams.require;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Serves {@code POST /api/<method>}: Slack's Web API, for the methods the bot uses. */
final class WebApi implements HttpHandler {

  private static final Logger log = LoggerFactory.getLogger(WebApi.class);

  private enum TokenKind {
    BOT,
    APP,
    /** Either token; the SDK calls auth.test with the app token to learn the team id. */
    ANY
  }

  private record Method(
      TokenKind token, BiFunction<Map<String, String>, String, ObjectNode> handler) {
    Method(TokenKind token, Function<Map<String, String>, ObjectNode> handler) {
      this(token, (params, t) -> handler.apply(params));
    }
  }

  private final Workspace workspace;
  private final Payloads payloads;
  private final Supplier<String> socketUrls;
  private final Map<String, Method> methods;
  private final Faults faults;
  private final HomeTabs homeTabs;
  private final Conversations conversations;

  WebApi(
      Workspace workspace,
      Payloads payloads,
      Supplier<String> socketUrls,
      Faults faults,
      HomeTabs homeTabs) {
    this.workspace = workspace;
    this.homeTabs = homeTabs;
    this.faults = faults;
    this.payloads = payloads;
    this.socketUrls = socketUrls;
    this.conversations = new Conversations(workspace, payloads);
    this.methods =
        Map.ofEntries(
            Map.entry("api.test", new Method(null, p -> ok())),
            Map.entry("auth.test", new Method(TokenKind.ANY, this::authTest)),
            Map.entry("apps.connections.open", new Method(TokenKind.APP, p -> connectionsOpen())),
            Map.entry("chat.postMessage", new Method(TokenKind.BOT, this::postMessage)),
            Map.entry("chat.update", new Method(TokenKind.BOT, this::update)),
            Map.entry("chat.delete", new Method(TokenKind.BOT, this::delete)),
            Map.entry("chat.postEphemeral", new Method(TokenKind.BOT, this::postEphemeral)),
            Map.entry("views.open", new Method(TokenKind.BOT, this::viewsOpen)),
            Map.entry("views.publish", new Method(TokenKind.BOT, this::viewsPublish)),
            Map.entry("usergroups.users.list", new Method(TokenKind.BOT, this::userGroupMembers)),
            Map.entry("conversations.history", new Method(TokenKind.BOT, conversations::history)),
            Map.entry("conversations.replies", new Method(TokenKind.BOT, conversations::replies)),
            Map.entry("conversations.open", new Method(TokenKind.BOT, conversations::open)));
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestURI().getPath().substring("/api/".length());
      ObjectNode response;
      String tokenKind = "no token";
      try {
        Map<String, String> params =
            FormBody.parse(
                exchange.getRequestHeaders().getFirst("Content-Type"), Http.body(exchange));
        FormBody.parseForm(
            exchange.getRequestURI().getRawQuery() == null
                ? ""
                : exchange.getRequestURI().getRawQuery(),
            params);
        String bearer = bearerToken(exchange.getRequestHeaders().getFirst("Authorization"));
        String token = bearer != null ? bearer : params.get("token");
        workspace.record(method, params);
        tokenKind = describe(token);
        Optional<Faults.Answer> fault = faults.before(method, params.get("channel"));
        if (fault.isPresent()) {
          FaultReplies.send(exchange, method, fault.get());
          return;
        }
        response = dispatch(method, token, params);
        if (faults.loseReply(method)) {
          // The call took effect; closing the exchange unanswered drops the connection.
          log.debug("{} ({}) -> reply lost on purpose", method, tokenKind);
          return;
        }
      } catch (SlackError e) {
        response = error(e.code());
      } catch (IllegalArgumentException e) {
        response = error("invalid_arguments");
      } catch (RuntimeException e) {
        log.warn("Web API method {} failed", method, e);
        response = error("internal_error");
      }
      log.debug("{} ({}) -> {}", method, tokenKind, response.path("error").asText("ok"));
      Http.send(exchange, 200, Http.JSON_UTF8, Json.write(response));
    }
  }

  private ObjectNode dispatch(String name, String token, Map<String, String> params) {
    Method method = methods.get(name);
    if (method == null) {
      throw new SlackError("unknown_method");
    }
    if (method.token() != null) {
      checkToken(method.token(), token);
    }
    return method.handler().apply(params, token);
  }

  private void checkToken(TokenKind kind, String token) {
    WorkspaceConfig config = workspace.config();
    if (token == null || token.isBlank()) {
      throw new SlackError("not_authed");
    }
    if (kind == TokenKind.ANY
        && (token.equals(config.appToken()) || token.equals(config.botToken()))) {
      return;
    }
    String expected = kind == TokenKind.APP ? config.appToken() : config.botToken();
    String other = kind == TokenKind.APP ? config.botToken() : config.appToken();
    if (token.equals(other)) {
      throw new SlackError("not_allowed_token_type");
    }
    if (!token.equals(expected)) {
      throw new SlackError("invalid_auth");
    }
  }

  private ObjectNode authTest(Map<String, String> params, String token) {
    WorkspaceConfig config = workspace.config();
    ObjectNode r = ok();
    r.put("url", "https://sandbox.slack.localhost/");
    r.put("team", WorkspaceConfig.TEAM_NAME);
    r.put("team_id", config.teamId());
    if (config.botToken().equals(token)) {
      r.put("user", WorkspaceConfig.BOT_USER_NAME);
      r.put("user_id", config.botUserId());
      r.put("bot_id", config.botId());
    }
    r.put("app_id", config.appId());
    r.put("is_enterprise_install", false);
    return r;
  }

  private ObjectNode connectionsOpen() {
    return ok().put("url", socketUrls.get());
  }

  private ObjectNode postMessage(Map<String, String> p) {
    String channel = require(p, "channel", "channel_not_found");
    JsonNode blocks = blocks(p);
    String text = p.get("text");
    if ((text == null || text.isEmpty()) && (blocks == null || blocks.isEmpty())) {
      throw new SlackError("no_text");
    }
    BlockLimits.check(text, blocks);
    JsonNode metadata = Conversations.metadata(p.get("metadata"));
    String threadTs = blankToNull(p.get("thread_ts"));
    Message m =
        workspace
            .messages()
            .post(channel, threadTs, workspace.config().botUserId(), text, blocks, metadata);
    ObjectNode r = ok().put("channel", channel).put("ts", m.ts());
    r.set("message", payloads.messageJson(m));
    return r;
  }

  private ObjectNode update(Map<String, String> p) {
    String channel = require(p, "channel", "channel_not_found");
    String ts = require(p, "ts", "message_not_found");
    JsonNode blocks = blocks(p);
    BlockLimits.check(p.get("text"), blocks);
    Message m =
        workspace
            .messages()
            .update(channel, ts, p.get("text"), blocks)
            .orElseThrow(() -> new SlackError("message_not_found"));
    ObjectNode r = ok().put("channel", channel).put("ts", ts).put("text", m.text());
    r.set("message", payloads.messageJson(m));
    return r;
  }

  private ObjectNode delete(Map<String, String> p) {
    String channel = require(p, "channel", "channel_not_found");
    String ts = require(p, "ts", "message_not_found");
    if (!workspace.messages().delete(channel, ts)) {
      throw new SlackError("message_not_found");
    }
    return ok().put("channel", channel).put("ts", ts);
  }

  private ObjectNode postEphemeral(Map<String, String> p) {
    String channel = require(p, "channel", "channel_not_found");
    String user = require(p, "user", "user_not_in_channel");
    JsonNode blocks = blocks(p);
    String text = p.get("text");
    if ((text == null || text.isEmpty()) && (blocks == null || blocks.isEmpty())) {
      throw new SlackError("no_text");
    }
    Message m =
        workspace
            .messages()
            .postEphemeral(channel, user, workspace.config().botUserId(), text, blocks);
    return ok().put("message_ts", m.ts());
  }

  /** {@code views.publish}: {@code user_id}, a home {@code view}, optionally the {@code hash}. */
  private ObjectNode viewsPublish(Map<String, String> p) {
    String userId = require(p, "user_id", "invalid_arguments");
    ObjectNode r = ok();
    r.set("view", homeTabs.publish(userId, parseJsonParam(p, "view"), p.get("hash")));
    workspace.changes().changed(); // the page shows the tab
    return r;
  }

  private ObjectNode viewsOpen(Map<String, String> p) {
    String triggerId = require(p, "trigger_id", "invalid_trigger_id");
    if (!workspace.isKnownTrigger(triggerId)) {
      throw new SlackError("invalid_trigger_id");
    }
    JsonNode view = parseJsonParam(p, "view");
    if (view == null || !view.isObject()) {
      throw new SlackError("invalid_arguments");
    }
    ObjectNode r = ok();
    r.set("view", workspace.openView(triggerId, (ObjectNode) view).view().deepCopy());
    return r;
  }

  private ObjectNode userGroupMembers(Map<String, String> p) {
    String group = require(p, "usergroup", "no_such_subteam");
    List<String> members = workspace.userGroup(group);
    if (members == null) {
      throw new SlackError("no_such_subteam");
    }
    ObjectNode r = ok();
    members.forEach(r.putArray("users")::add);
    return r;
  }

  /** Names the kind of token without revealing it, for logs. */
  private String describe(String token) {
    if (token == null || token.isBlank()) {
      return "no token";
    }
    if (token.equals(workspace.config().botToken())) {
      return "bot token";
    }
    return token.equals(workspace.config().appToken()) ? "app token" : "unknown token";
  }

  private static String bearerToken(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    return authorization.substring(7).trim();
  }

  private static ObjectNode ok() {
    return Json.object().put("ok", true);
  }

  private static ObjectNode error(String code) {
    return Json.object().put("ok", false).put("error", code);
  }
}
