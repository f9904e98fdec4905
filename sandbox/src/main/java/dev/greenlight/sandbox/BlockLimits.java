package dev.greenlight.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Slack's documented Block Kit limits, checked as Slack does when a message is posted or edited: a
 * message over a limit is refused with {@code invalid_blocks} (or {@code msg_too_long} for its
 * text). Lengths are counted on the text as sent, after the sender's escaping.
 */
final class BlockLimits {
  static final int BLOCKS_PER_MESSAGE = 50;
  static final int SECTION_TEXT = 3000;
  static final int SECTION_FIELD = 2000;
  static final int SECTION_FIELDS = 10;
  static final int HEADER_TEXT = 150;
  static final int CONTEXT_ELEMENTS = 10;
  static final int BUTTON_TEXT = 75;
  static final int BUTTON_VALUE = 2000;
  static final int MESSAGE_TEXT = 40_000;

  private BlockLimits() {}

  /**
   * @throws SlackError {@code invalid_blocks} or {@code msg_too_long} when over a limit
   */
  static void check(String text, JsonNode blocks) {
    if (text != null && text.length() > MESSAGE_TEXT) {
      throw new SlackError("msg_too_long");
    }
    if (blocks == null || !blocks.isArray()) {
      return;
    }
    require(blocks.size() <= BLOCKS_PER_MESSAGE);
    for (JsonNode block : blocks) {
      switch (block.path("type").asText()) {
        case "section" -> {
          require(length(block.path("text")) <= SECTION_TEXT);
          require(block.path("fields").size() <= SECTION_FIELDS);
          block.path("fields").forEach(f -> require(length(f) <= SECTION_FIELD));
        }
        case "header" -> require(length(block.path("text")) <= HEADER_TEXT);
        case "context" -> require(block.path("elements").size() <= CONTEXT_ELEMENTS);
        case "actions" -> block.path("elements").forEach(BlockLimits::checkElement);
        default -> {}
      }
    }
  }

  private static void checkElement(JsonNode element) {
    if ("button".equals(element.path("type").asText())) {
      require(length(element.path("text")) <= BUTTON_TEXT);
      require(element.path("value").asText("").length() <= BUTTON_VALUE);
    }
  }

  private static int length(JsonNode textObject) {
    return textObject.path("text").asText("").length();
  }

  private static void require(boolean withinLimits) {
    if (!withinLimits) {
      throw new SlackError("invalid_blocks");
    }
  }
}
