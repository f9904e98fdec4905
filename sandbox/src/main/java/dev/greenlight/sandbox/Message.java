package dev.greenlight.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * A message as the sandbox workspace currently stores it (after any edits).
 *
 * @param channel channel id the message lives in
 * @param ts Slack timestamp id, e.g. {@code "1700000000.000100"}
 * @param threadTs parent message ts for thread replies; {@code null} for top-level messages
 * @param user author user id (the bot user for messages posted through the Web API)
 * @param text message text (may be empty when only blocks were sent)
 * @param blocks Block Kit blocks as an array node, possibly empty; a defensive copy
 * @param editCount how many times the message was edited (chat.update or replace_original)
 * @param metadata the message metadata it was posted with ({@code event_type} and {@code
 *     event_payload}), or {@code null}
 */
public record Message(
    String channel,
    String ts,
    String threadTs,
    String user,
    String text,
    JsonNode blocks,
    int editCount,
    JsonNode metadata) {

  /** Normalises nulls and copies {@code blocks} so callers cannot mutate stored state. */
  public Message {
    text = text == null ? "" : text;
    blocks =
        blocks == null || !blocks.isArray()
            ? JsonNodeFactory.instance.arrayNode()
            : blocks.deepCopy();
    metadata = metadata == null || metadata.isNull() ? null : metadata.deepCopy();
  }

  /** A message without metadata. */
  public Message(
      String channel,
      String ts,
      String threadTs,
      String user,
      String text,
      JsonNode blocks,
      int editCount) {
    this(channel, ts, threadTs, user, text, blocks, editCount, null);
  }

  /** Returns {@code true} if this message is a reply inside a thread. */
  public boolean isReply() {
    return threadTs != null;
  }

  Message edited(String newText, JsonNode newBlocks) {
    return new Message(
        channel,
        ts,
        threadTs,
        user,
        newText == null ? text : newText,
        newBlocks == null ? blocks : newBlocks,
        editCount + 1,
        metadata);
  }
}
