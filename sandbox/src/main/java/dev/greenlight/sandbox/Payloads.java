package dev.greenlight.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.UUID;

/**
 * Builds payloads with the field names Slack uses (see the Java SDK's {@code SlashCommandPayload},
 * {@code BlockActionPayload}) and Socket Mode frames.
 */
final class Payloads {

  private final Workspace workspace;
  private final String responseUrlBase;

  Payloads(Workspace workspace, String responseUrlBase) {
    this.workspace = workspace;
    this.responseUrlBase = responseUrlBase;
  }

  ObjectNode slashCommand(String userId, String channelId, String command, String text) {
    WorkspaceConfig config = workspace.config();
    ResponseTarget target = workspace.newResponseTarget(channelId, userId, null, null);
    ObjectNode p = Json.object();
    p.put("token", WorkspaceConfig.VERIFICATION_TOKEN);
    p.put("api_app_id", config.appId());
    p.put("team_id", config.teamId());
    p.put("team_domain", WorkspaceConfig.TEAM_DOMAIN);
    p.put("channel_id", channelId);
    p.put("channel_name", workspace.channelName(channelId));
    p.put("user_id", userId);
    p.put("user_name", workspace.userName(userId));
    p.put("command", command);
    p.put("text", text == null ? "" : text);
    p.put("response_url", responseUrlBase + target.id());
    p.put("trigger_id", workspace.newTriggerId(userId));
    p.put("is_enterprise_install", false);
    return p;
  }

  /** Builds a {@code block_actions} payload for clicking a button of a stored message. */
  ObjectNode blockActions(String userId, Message message, String actionId) {
    return blockActions(userId, message, actionId, null);
  }

  /**
   * Builds a {@code block_actions} payload for a button click, or, when {@code selectedValue} is
   * not null, for choosing that option of a {@code static_select}.
   */
  ObjectNode blockActions(String userId, Message message, String actionId, String selectedValue) {
    String type = selectedValue == null ? "button" : "static_select";
    Button button =
        findElement(message, actionId, type)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "no "
                            + type
                            + " with action_id '"
                            + actionId
                            + "' in message "
                            + message.ts()));
    WorkspaceConfig config = workspace.config();
    ResponseTarget target =
        workspace.newResponseTarget(message.channel(), userId, message.ts(), message.threadTs());
    ObjectNode p = Json.object();
    p.put("type", "block_actions");
    ObjectNode user = p.putObject("user");
    user.put("id", userId);
    user.put("username", workspace.userName(userId));
    user.put("name", workspace.userName(userId));
    user.put("team_id", config.teamId());
    p.put("api_app_id", config.appId());
    p.put("token", WorkspaceConfig.VERIFICATION_TOKEN);
    ObjectNode container = p.putObject("container");
    container.put("type", "message");
    container.put("message_ts", message.ts());
    container.put("channel_id", message.channel());
    container.put("is_ephemeral", false);
    if (message.threadTs() != null) {
      container.put("thread_ts", message.threadTs());
    }
    p.put("trigger_id", workspace.newTriggerId(userId));
    ObjectNode team = p.putObject("team");
    team.put("id", config.teamId());
    team.put("domain", WorkspaceConfig.TEAM_DOMAIN);
    ObjectNode channel = p.putObject("channel");
    channel.put("id", message.channel());
    channel.put("name", workspace.channelName(message.channel()));
    p.set("message", messageJson(message));
    p.putObject("state").putObject("values");
    p.put("response_url", responseUrlBase + target.id());
    ObjectNode action = p.putArray("actions").addObject();
    action.put("action_id", actionId);
    action.put("block_id", button.blockId());
    if (selectedValue != null) {
      JsonNode option = null;
      for (JsonNode o : button.element().path("options")) {
        if (selectedValue.equals(o.path("value").asText())) {
          option = o;
        }
      }
      if (option == null) {
        throw new IllegalArgumentException("no option '" + selectedValue + "' in " + actionId);
      }
      action.set("selected_option", option.deepCopy());
      action.set("placeholder", button.element().path("placeholder").deepCopy());
    } else {
      action.set("text", button.element().path("text").deepCopy());
      if (button.element().has("value")) {
        action.put("value", button.element().path("value").asText());
      }
    }
    action.put("type", type);
    if (button.element().hasNonNull("style")) {
      action.put("style", button.element().path("style").asText());
    }
    action.put("action_ts", workspace.messages().nextTs());
    p.put("is_enterprise_install", false);
    return p;
  }

  /** Builds a {@code view_submission} payload with plain-text input values. */
  ObjectNode viewSubmission(String userId, View view, java.util.Map<String, String> values) {
    WorkspaceConfig config = workspace.config();
    ObjectNode p = Json.object();
    p.put("type", "view_submission");
    p.putObject("team").put("id", config.teamId()).put("domain", WorkspaceConfig.TEAM_DOMAIN);
    ObjectNode user = p.putObject("user");
    user.put("id", userId);
    user.put("username", workspace.userName(userId));
    user.put("name", workspace.userName(userId));
    user.put("team_id", config.teamId());
    p.put("api_app_id", config.appId());
    p.put("token", WorkspaceConfig.VERIFICATION_TOKEN);
    p.put("trigger_id", workspace.newTriggerId(userId));
    ObjectNode v = view.view().deepCopy();
    ObjectNode state = v.putObject("state").putObject("values");
    values.forEach(
        (key, value) -> {
          int dot = key.indexOf('.');
          if (dot < 0) {
            throw new IllegalArgumentException(
                "value keys are blockId.actionId, got '" + key + "'");
          }
          ObjectNode input = state.with(key.substring(0, dot)).putObject(key.substring(dot + 1));
          input.put("type", "plain_text_input");
          input.put("value", value);
        });
    p.set("view", v);
    p.put("is_enterprise_install", false);
    return p;
  }

  /** The message JSON Slack returns from chat.postMessage and puts in interactive payloads. */
  ObjectNode messageJson(Message message) {
    WorkspaceConfig config = workspace.config();
    ObjectNode m = Json.object();
    m.put("type", "message");
    m.put("user", message.user());
    if (config.botUserId().equals(message.user())) {
      m.put("bot_id", config.botId());
      m.put("app_id", config.appId());
    }
    m.put("team", config.teamId());
    m.put("channel", message.channel());
    m.put("text", message.text());
    m.set("blocks", message.blocks().deepCopy());
    m.put("ts", message.ts());
    if (message.threadTs() != null) {
      m.put("thread_ts", message.threadTs());
    }
    if (message.editCount() > 0) {
      m.putObject("edited").put("user", message.user()).put("ts", message.ts());
    }
    if (message.metadata() != null) {
      m.set("metadata", message.metadata().deepCopy());
    }
    return m;
  }

  /**
   * Gives every block without a {@code block_id} a generated one, as Slack does when it stores a
   * message (so clicks can report the block they came from).
   */
  static JsonNode withBlockIds(JsonNode blocks) {
    if (blocks == null || !blocks.isArray()) {
      return blocks;
    }
    ArrayNode copy = (ArrayNode) blocks.deepCopy();
    for (JsonNode block : copy) {
      if (block.isObject() && !block.hasNonNull("block_id")) {
        ((ObjectNode) block).put("block_id", UUID.randomUUID().toString().substring(0, 5));
      }
    }
    return copy;
  }

  static String envelope(SentEnvelope envelope) {
    ObjectNode e = Json.object();
    e.put("envelope_id", envelope.envelopeId());
    e.put("type", envelope.type());
    e.set("payload", envelope.payload());
    e.put("accepts_response_payload", true);
    e.put("retry_attempt", envelope.retryAttempt());
    e.put("retry_reason", envelope.retryAttempt() == 0 ? "" : "timeout");
    return Json.write(e);
  }

  static String hello(int connections, String appId) {
    ObjectNode h = Json.object();
    h.put("type", "hello");
    h.put("num_connections", connections);
    ObjectNode debug = h.putObject("debug_info");
    debug.put("host", "sandbox");
    debug.put("build_number", 1);
    debug.put("approximate_connection_time", 18060);
    h.putObject("connection_info").put("app_id", appId);
    return Json.write(h);
  }

  static String disconnect(String reason) {
    ObjectNode d = Json.object();
    d.put("type", "disconnect");
    d.put("reason", reason);
    d.putObject("debug_info").put("host", "sandbox");
    return Json.write(d);
  }

  private static Optional<Button> findElement(Message message, String actionId, String type) {
    for (JsonNode block : message.blocks()) {
      if (!"actions".equals(block.path("type").asText())) {
        continue;
      }
      for (JsonNode element : block.path("elements")) {
        if (type.equals(element.path("type").asText())
            && actionId.equals(element.path("action_id").asText())) {
          return Optional.of(new Button(block.path("block_id").asText(""), element));
        }
      }
    }
    return Optional.empty();
  }

  private record Button(String blockId, JsonNode element) {}
}
