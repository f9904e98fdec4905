package dev.greenlight.bot.slack;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/** The top-level {@code type} of a Socket Mode frame, read by streaming, without a JSON tree. */
final class FrameType {
  private static final JsonFactory JSON = new JsonFactory();

  private FrameType() {}

  /** The frame's {@code type}, or null when it is not a JSON object with a string {@code type}. */
  static String of(String frame) {
    if (!frame.startsWith("{")) {
      return null;
    }
    try (JsonParser p = JSON.createParser(frame)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (name.equals("type")) {
          return value == JsonToken.VALUE_STRING ? p.getText() : null;
        }
        p.skipChildren();
      }
      return null;
    } catch (IOException e) {
      return null;
    }
  }
}
