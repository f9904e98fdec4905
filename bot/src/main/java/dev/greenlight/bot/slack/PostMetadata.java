package dev.greenlight.bot.slack;

import com.slack.api.model.Message;
import com.slack.api.model.Message.Metadata;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The message metadata Greenlight posts with its cards and thread replies, so that a post whose
 * reply was lost can be found again ({@code conversations.history} / {@code .replies} with {@code
 * include_all_metadata}) instead of being posted twice.
 *
 * @param incidentId the incident the post belongs to
 * @param kind {@code card}, {@code reply} or {@code relay} (a fallback message)
 * @param key what the post says, in short: the thread step and a digest of its text; empty for a
 *     card (an incident has one)
 */
record PostMetadata(String incidentId, String kind, String key) {
  /** Slack's {@code event_type} of every Greenlight post. */
  static final String EVENT_TYPE = "greenlight_incident";

  static PostMetadata card(String incidentId) {
    return new PostMetadata(incidentId, "card", "");
  }

  static PostMetadata reply(String incidentId, String step, String text) {
    return new PostMetadata(incidentId, "reply", step + ":" + digest(text));
  }

  static PostMetadata relay(String incidentId, String text) {
    return new PostMetadata(incidentId, "relay", digest(text));
  }

  Metadata toSlack() {
    return Metadata.builder()
        .eventType(EVENT_TYPE)
        .eventPayload(Map.of("incident_id", incidentId, "kind", kind, "key", key))
        .build();
  }

  /** The Greenlight metadata {@code m} was posted with, if any. */
  static Optional<PostMetadata> of(Message m) {
    Metadata md = m.getMetadata();
    if (md == null || !EVENT_TYPE.equals(md.getEventType()) || md.getEventPayload() == null) {
      return Optional.empty();
    }
    Map<String, Object> p = md.getEventPayload();
    return p.get("incident_id") instanceof String id
            && p.get("kind") instanceof String kind
            && p.get("key") instanceof String key
        ? Optional.of(new PostMetadata(id, kind, key))
        : Optional.empty();
  }

  /** Whether {@code m} is a Greenlight post of the same incident and kind. */
  boolean sameIncidentAndKind(Message m) {
    Metadata md = m.getMetadata();
    if (md == null || !EVENT_TYPE.equals(md.getEventType()) || md.getEventPayload() == null) {
      return false;
    }
    Map<String, Object> p = md.getEventPayload();
    return incidentId.equals(p.get("incident_id")) && kind.equals(p.get("kind"));
  }

  /** Whether {@code m} is this very post: same incident, kind and key. */
  boolean matches(Message m) {
    return sameIncidentAndKind(m) && key.equals(m.getMetadata().getEventPayload().get("key"));
  }

  private static String digest(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
