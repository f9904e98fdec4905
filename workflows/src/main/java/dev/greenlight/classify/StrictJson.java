package dev.greenlight.classify;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.classify.ClassifierException.Kind;

/**
 * A Jackson mapper that rejects duplicate keys and trailing tokens, so that a reply means exactly
 * one thing.
 */
final class StrictJson {

  static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

  private StrictJson() {}

  /**
   * Parses {@code raw} as one JSON value.
   *
   * @param what names the text in the exception message, e.g. "response body"
   * @throws ClassifierException EMPTY for blank text, MALFORMED for anything that is not JSON
   */
  static JsonNode read(String raw, String what) throws ClassifierException {
    if (raw == null || raw.isBlank()) {
      throw new ClassifierException(Kind.EMPTY, "the " + what + " is empty");
    }
    try {
      JsonNode n = MAPPER.readTree(raw);
      if (n == null || n.isMissingNode()) {
        throw new ClassifierException(Kind.EMPTY, "the " + what + " is empty");
      }
      return n;
    } catch (JsonProcessingException e) {
      throw new ClassifierException(Kind.MALFORMED, "the " + what + " is not valid JSON");
    }
  }
}
