package dev.greenlight.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The App Home tabs the app published ({@code views.publish}), one per user, as Slack stores them:
 * the view the app sent plus Slack's own fields ({@code id}, {@code team_id}, {@code hash}, …).
 * Slack checks what it can: a {@code home} view, at most 100 blocks, each within Block Kit's
 * limits.
 */
final class HomeTabs {
  static final int MAX_BLOCKS = 100;

  private final WorkspaceConfig config;
  private final Map<String, ObjectNode> tabs = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();

  HomeTabs(WorkspaceConfig config) {
    this.config = config;
  }

  /**
   * Publishes {@code view} as {@code userId}'s Home tab.
   *
   * @throws SlackError {@code invalid_arguments} for a view that is not a home view, {@code
   *     invalid_blocks} over a Block Kit limit, {@code hash_conflict} when {@code hash} is not the
   *     current tab's
   */
  ObjectNode publish(String userId, JsonNode view, String hash) {
    if (view == null || !view.isObject() || !"home".equals(view.path("type").asText())) {
      throw new SlackError("invalid_arguments");
    }
    JsonNode blocks = view.path("blocks");
    if (!blocks.isArray() || blocks.size() > MAX_BLOCKS) {
      throw new SlackError("invalid_blocks");
    }
    for (int from = 0; from < blocks.size(); from += BlockLimits.BLOCKS_PER_MESSAGE) {
      com.fasterxml.jackson.databind.node.ArrayNode chunk = Json.array();
      for (int i = from; i < Math.min(blocks.size(), from + BlockLimits.BLOCKS_PER_MESSAGE); i++) {
        chunk.add(blocks.get(i));
      }
      BlockLimits.check(null, chunk);
    }
    ObjectNode current = tabs.get(userId);
    if (hash != null
        && !hash.isBlank()
        && current != null
        && !hash.equals(current.path("hash").asText())) {
      throw new SlackError("hash_conflict");
    }
    ObjectNode stored = ((ObjectNode) view).deepCopy();
    String id =
        current != null
            ? current.path("id").asText()
            : String.format("VH%07d", ids.incrementAndGet());
    stored.put("id", id);
    stored.put("team_id", config.teamId());
    stored.set("blocks", Payloads.withBlockIds(blocks));
    stored.put("private_metadata", view.path("private_metadata").asText(""));
    stored.put("callback_id", view.path("callback_id").asText(""));
    stored.putObject("state").putObject("values");
    stored.put("hash", System.currentTimeMillis() / 1000 + "." + ids.incrementAndGet());
    stored.put("clear_on_close", false);
    stored.put("notify_on_close", false);
    stored.put("root_view_id", id);
    stored.putNull("previous_view_id");
    stored.put("app_id", config.appId());
    stored.put("external_id", view.path("external_id").asText(""));
    stored.put("app_installed_team_id", config.teamId());
    stored.put("bot_id", config.botId());
    tabs.put(userId, stored);
    return stored.deepCopy();
  }

  /** The user's Home tab as last published. */
  Optional<ObjectNode> of(String userId) {
    ObjectNode tab = tabs.get(userId);
    return tab == null ? Optional.empty() : Optional.of(tab.deepCopy());
  }
}
