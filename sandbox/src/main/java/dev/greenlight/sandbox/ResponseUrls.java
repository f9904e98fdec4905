package dev.greenlight.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Optional;

/**
 * Serves {@code POST /response/<id>}: the response_url of slash commands and block actions, as used
 * by Bolt's {@code ctx.respond}.
 *
 * <ul>
 *   <li>{@code delete_original: true} deletes the clicked message;
 *   <li>{@code replace_original: true} edits the clicked message in place;
 *   <li>{@code response_type: "in_channel"} posts a new message to the channel;
 *   <li>otherwise (default {@code "ephemeral"}) stores an ephemeral for the triggering user.
 * </ul>
 */
final class ResponseUrls implements HttpHandler {

  static final String PATH = "/response/";

  private final Workspace workspace;

  ResponseUrls(Workspace workspace) {
    this.workspace = workspace;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String id = exchange.getRequestURI().getPath().substring(PATH.length());
      Optional<ResponseTarget> target = workspace.responseTarget(id);
      String body = Http.body(exchange);
      if (target.isEmpty()) {
        Http.send(exchange, 404, "text/plain; charset=utf-8", "no_such_response_url");
        return;
      }
      JsonNode json;
      try {
        json = Json.parse(body);
      } catch (IllegalArgumentException e) {
        json = null;
      }
      if (json == null || !json.isObject()) {
        Http.send(exchange, 400, "text/plain; charset=utf-8", "invalid_payload");
        return;
      }
      workspace.record("response_url", FormBody.parse("application/json", body));
      String error = apply(target.get(), json);
      if (error != null) {
        Http.send(exchange, 404, Http.JSON_UTF8, "{\"ok\":false,\"error\":\"" + error + "\"}");
      } else {
        Http.send(exchange, 200, Http.JSON_UTF8, "{\"ok\":true}");
      }
    }
  }

  /** Applies a response; returns an error code or {@code null} on success. */
  private String apply(ResponseTarget target, JsonNode json) {
    MessageStore messages = workspace.messages();
    String text = json.hasNonNull("text") ? json.get("text").asText() : null;
    JsonNode blocks = Payloads.withBlockIds(json.get("blocks"));
    if (json.path("delete_original").asBoolean(false)) {
      return target.messageTs() != null && messages.delete(target.channelId(), target.messageTs())
          ? null
          : "message_not_found";
    }
    if (json.path("replace_original").asBoolean(false) && target.messageTs() != null) {
      return messages.update(target.channelId(), target.messageTs(), text, blocks).isPresent()
          ? null
          : "message_not_found";
    }
    String bot = workspace.config().botUserId();
    if ("in_channel".equals(json.path("response_type").asText("ephemeral"))) {
      String threadTs = json.hasNonNull("thread_ts") ? json.get("thread_ts").asText() : null;
      messages.post(target.channelId(), threadTs, bot, text, blocks);
    } else {
      messages.postEphemeral(target.channelId(), target.userId(), bot, text, blocks);
    }
    return null;
  }
}
