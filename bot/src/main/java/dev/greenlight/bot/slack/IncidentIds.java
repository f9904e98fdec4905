package dev.greenlight.bot.slack;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Incident IDs derived from the Slack request, so a redelivered envelope maps to the same workflow
 * and starts nothing twice.
 */
public final class IncidentIds {
  private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

  private IncidentIds() {}

  /** {@code GL-} and 8 characters from a hash of the team and the command's trigger ID. */
  public static String fromTrigger(String teamId, String triggerId) {
    if (triggerId == null || triggerId.isBlank()) {
      throw new IllegalArgumentException("the slash command payload has no trigger_id");
    }
    return fromHash(teamId + ":" + triggerId);
  }

  /**
   * {@code GL-} and 8 characters from a hash of an alert firing: its source and {@code key} ({@code
   * <fingerprint>@<startsAt millis>}), so every repeat of the same firing, sent to any replica,
   * names the same incident.
   */
  public static String fromAlert(String source, String key) {
    return fromHash("alert:" + source + ":" + key);
  }

  private static String fromHash(String input) {
    byte[] hash;
    try {
      hash = MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    StringBuilder id = new StringBuilder("GL-");
    for (int i = 0; i < 8; i++) {
      id.append(ALPHABET[(hash[i] & 0xff) % ALPHABET.length]);
    }
    return id.toString();
  }
}
