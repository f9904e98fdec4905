package dev.greenlight.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/**
 * The acknowledgement a Socket Mode client sent for an envelope.
 *
 * @param envelopeId the acknowledged envelope
 * @param payload the ack payload, or {@code null} if the app acked without one
 * @param latency time between writing the envelope to the socket and receiving the ack
 * @param sentAtNanos when the envelope was written to the socket ({@link System#nanoTime()})
 */
public record Ack(String envelopeId, JsonNode payload, Duration latency, long sentAtNanos) {

  /** Returns {@code true} if the app sent a non-empty payload with its ack. */
  public boolean hasPayload() {
    return payload != null && !payload.isNull() && !payload.isEmpty();
  }
}
