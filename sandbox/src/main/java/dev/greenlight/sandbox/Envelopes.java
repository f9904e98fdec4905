package dev.greenlight.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Sends Socket Mode envelopes to the app and, like Slack, acts on their acks: it shows the message
 * of a slash command's ack and closes a modal whose submission was accepted.
 */
final class Envelopes {
  private final Workspace workspace;
  private final SocketModeHub hub;

  Envelopes(Workspace workspace, SocketModeHub hub) {
    this.workspace = workspace;
    this.hub = hub;
  }

  /**
   * Sends {@code payload} in a new envelope of {@code type}; queued while no client is connected.
   */
  SentEnvelope send(String type, ObjectNode payload, int retryAttempt) {
    SentEnvelope envelope =
        new SentEnvelope(
            UUID.randomUUID().toString(), type, payload, retryAttempt, new CompletableFuture<>());
    hub.send(envelope);
    return envelope;
  }

  /** Sends a slash command typed by {@code userId} in {@code channelId}. */
  SentEnvelope slashCommand(String userId, String channelId, ObjectNode payload) {
    SentEnvelope sent = send("slash_commands", payload, 0);
    // Like Slack: an ack with a message (text or blocks) is shown to the user who typed the
    // command, as an ephemeral message, or to the channel with response_type in_channel.
    sent.ack().thenAccept(ack -> showAckMessage(userId, channelId, ack));
    return sent;
  }

  /** Sends the submission of {@code view}. */
  SentEnvelope viewSubmission(View view, ObjectNode payload) {
    SentEnvelope sent = send("interactive", payload, 0);
    // Slack closes the modal when the submission is acked without response_action "errors".
    sent.ack()
        .thenAccept(
            ack -> {
              String action =
                  ack.payload() == null ? "" : ack.payload().path("response_action").asText("");
              if (!"errors".equals(action)) {
                workspace.closeView(view.id());
              }
            });
    return sent;
  }

  private void showAckMessage(String userId, String channelId, Ack ack) {
    if (!ack.hasPayload() || !ack.payload().isObject()) {
      return;
    }
    JsonNode payload = ack.payload();
    String text = payload.hasNonNull("text") ? payload.get("text").asText() : null;
    JsonNode blocks = Payloads.withBlockIds(payload.get("blocks"));
    boolean hasBlocks = blocks != null && blocks.isArray() && !blocks.isEmpty();
    if ((text == null || text.isEmpty()) && !hasBlocks) {
      return;
    }
    String bot = workspace.config().botUserId();
    if ("in_channel".equals(payload.path("response_type").asText())) {
      workspace.messages().post(channelId, null, bot, text, hasBlocks ? blocks : null);
    } else {
      workspace.messages().postEphemeral(channelId, userId, bot, text, hasBlocks ? blocks : null);
    }
  }
}
