package dev.greenlight.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Events API payloads, as Slack wraps them in an {@code events_api} envelope: an {@code
 * event_callback} with the event, its ids and the app's authorization.
 */
final class Events {
  private final WorkspaceConfig config;
  private final AtomicLong counter = new AtomicLong();

  Events(WorkspaceConfig config) {
    this.config = config;
  }

  /**
   * {@code app_home_opened}: {@code userId} opened the app's Home tab; {@code view} is the tab as
   * last published, which Slack includes once there is one.
   */
  ObjectNode appHomeOpened(String userId, Optional<ObjectNode> view) {
    ObjectNode event = Json.object();
    event.put("type", "app_home_opened");
    event.put("user", userId);
    event.put("channel", "D" + userId.substring(1));
    event.put("tab", "home");
    view.ifPresent(v -> event.set("view", v));
    return callback(event);
  }

  private ObjectNode callback(ObjectNode event) {
    long n = counter.incrementAndGet();
    long now = System.currentTimeMillis();
    String ts = now / 1000 + "." + String.format("%06d", n % 1_000_000);
    event.put("event_ts", ts);
    ObjectNode p = Json.object();
    p.put("token", WorkspaceConfig.VERIFICATION_TOKEN);
    p.put("team_id", config.teamId());
    p.put("api_app_id", config.appId());
    p.set("event", event);
    p.put("type", "event_callback");
    p.put("event_id", String.format("Ev%010d", n));
    p.put("event_time", now / 1000);
    ObjectNode auth = p.putArray("authorizations").addObject();
    auth.putNull("enterprise_id");
    auth.put("team_id", config.teamId());
    auth.put("user_id", config.botUserId());
    auth.put("is_bot", true);
    auth.put("is_enterprise_install", false);
    p.put("is_ext_shared_channel", false);
    p.put("event_context", "4-" + n);
    return p;
  }
}
