package dev.greenlight.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.CompletableFuture;

/**
 * A Socket Mode envelope the sandbox sent (or queued) to the app.
 *
 * @param envelopeId unique envelope id
 * @param type envelope type: {@code "slash_commands"} or {@code "interactive"}
 * @param payload the envelope payload (slash command fields or an interactive payload)
 * @param retryAttempt 0 for the first delivery, incremented by {@link SlackServer#redeliver}
 * @param ack completes when the app acknowledges this envelope
 */
public record SentEnvelope(
    String envelopeId,
    String type,
    ObjectNode payload,
    int retryAttempt,
    CompletableFuture<Ack> ack) {

  /** Returns the payload's {@code trigger_id}, or {@code null}. */
  public String triggerId() {
    return payload.path("trigger_id").asText(null);
  }

  /** Returns the payload's {@code response_url}, or {@code null}. */
  public String responseUrl() {
    return payload.path("response_url").asText(null);
  }
}
