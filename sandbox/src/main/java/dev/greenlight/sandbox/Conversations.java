package dev.greenlight.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code conversations.history}, {@code conversations.replies} and {@code conversations.open}, in
 * Slack's shapes: history is newest first, replies are the parent then its replies oldest first,
 * both paged by {@code limit} with {@code has_more}, and a message's {@code metadata} is included
 * only when the call asks for {@code include_all_metadata}. Message metadata on {@code
 * chat.postMessage} is checked as Slack checks it.
 */
final class Conversations {
  /** Slack's largest message metadata, in bytes of JSON. */
  static final int MAX_METADATA_BYTES = 8_000;

  private static final int MAX_USERS = 8;

  private final Workspace workspace;
  private final Payloads payloads;

  Conversations(Workspace workspace, Payloads payloads) {
    this.workspace = workspace;
    this.payloads = payloads;
  }

  /**
   * The {@code metadata} parameter of {@code chat.postMessage} as Slack stores it, or null when
   * absent: a JSON object with a string {@code event_type} and an object {@code event_payload}.
   */
  static JsonNode metadata(String param) {
    if (param == null || param.isBlank()) {
      return null;
    }
    JsonNode m;
    try {
      m = Json.parse(param);
    } catch (IllegalArgumentException e) {
      throw new SlackError("invalid_metadata_format");
    }
    if (m == null
        || !m.isObject()
        || !m.path("event_type").isTextual()
        || m.path("event_type").asText().isBlank()
        || !m.path("event_payload").isObject()) {
      throw new SlackError("invalid_metadata_schema");
    }
    if (param.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_METADATA_BYTES) {
      throw new SlackError("metadata_too_large");
    }
    ObjectNode stored = Json.object();
    stored.put("event_type", m.get("event_type").asText());
    stored.set("event_payload", m.get("event_payload").deepCopy());
    return stored;
  }

  ObjectNode history(Map<String, String> p) {
    String channel = channel(p);
    List<Message> newestFirst = new ArrayList<>(workspace.messages().topLevel(channel));
    java.util.Collections.reverse(newestFirst);
    return page(newestFirst, p, "messages");
  }

  ObjectNode replies(Map<String, String> p) {
    String channel = channel(p);
    String ts = p.get("ts");
    if (ts == null || ts.isBlank()) {
      throw new SlackError("invalid_arguments");
    }
    Message parent =
        workspace
            .messages()
            .find(channel, ts)
            .orElseThrow(() -> new SlackError("thread_not_found"));
    List<Message> thread = new ArrayList<>();
    thread.add(parent);
    thread.addAll(workspace.messages().replies(channel, ts));
    return page(thread, p, "messages");
  }

  ObjectNode open(Map<String, String> p) {
    String users = p.getOrDefault("users", "").strip();
    if (users.isEmpty()) {
      throw new SlackError("users_list_not_supplied");
    }
    List<String> ids =
        Arrays.stream(users.split(","))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .sorted()
            .distinct()
            .toList();
    if (ids.size() > MAX_USERS) {
      throw new SlackError("too_many_users");
    }
    if (ids.stream().anyMatch(id -> !id.matches("[UW][A-Z0-9]{2,}"))) {
      throw new SlackError("user_not_found");
    }
    // One person: a direct message (D…); several: a multi-person DM (G…), the same for the same
    // set.
    String id =
        (ids.size() == 1 ? "D" : "G")
            + Integer.toHexString(String.join(",", ids).hashCode()).toUpperCase(Locale.ROOT);
    ObjectNode r = Json.object().put("ok", true);
    ObjectNode c = r.putObject("channel").put("id", id);
    c.put("is_im", ids.size() == 1).put("is_mpim", ids.size() > 1);
    return r;
  }

  private static String channel(Map<String, String> p) {
    String channel = p.get("channel");
    if (channel == null || channel.isBlank()) {
      throw new SlackError("channel_not_found");
    }
    return channel;
  }

  private ObjectNode page(List<Message> ordered, Map<String, String> p, String field) {
    int limit = limit(p.get("limit"));
    boolean withMetadata = flag(p.get("include_all_metadata"));
    String oldest = p.get("oldest");
    String latest = p.get("latest");
    boolean inclusive = flag(p.get("inclusive"));
    ObjectNode r = Json.object().put("ok", true);
    ArrayNode out = r.putArray(field);
    int matched = 0;
    for (Message m : ordered) {
      if (oldest != null && !oldest.isBlank() && !newer(m.ts(), oldest, inclusive)) {
        continue;
      }
      if (latest != null && !latest.isBlank() && !newer(latest, m.ts(), inclusive)) {
        continue; // newer than latest (or at it, unless inclusive)
      }
      if (matched++ >= limit) {
        continue;
      }
      ObjectNode json = payloads.messageJson(m);
      json.remove("channel"); // history carries messages without their channel, as Slack does
      if (!withMetadata) {
        json.remove("metadata");
      }
      int replyCount = m.isReply() ? 0 : workspace.messages().replies(m.channel(), m.ts()).size();
      if (replyCount > 0) {
        json.put("thread_ts", m.ts()).put("reply_count", replyCount);
      }
      out.add(json);
    }
    r.put("has_more", matched > limit);
    r.putObject("response_metadata").put("next_cursor", "");
    return r;
  }

  private static boolean newer(String ts, String oldest, boolean inclusive) {
    int c = new java.math.BigDecimal(ts).compareTo(new java.math.BigDecimal(oldest));
    return inclusive ? c >= 0 : c > 0;
  }

  /** A boolean parameter as Slack reads it: {@code true} or {@code 1} (the SDK sends 1 and 0). */
  private static boolean flag(String param) {
    return "1".equals(param) || "true".equalsIgnoreCase(param);
  }

  private static int limit(String param) {
    if (param == null || param.isBlank()) {
      return 100;
    }
    try {
      return Math.max(1, Math.min(999, Integer.parseInt(param.strip())));
    } catch (NumberFormatException e) {
      throw new SlackError("invalid_limit");
    }
  }
}
