package dev.greenlight.classify;

import static dev.greenlight.classify.LlmReplies.answer;
import static dev.greenlight.classify.LlmReplies.content;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.classify.ClassifierException.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The LLM classifier parses replies strictly: anything but exactly the schema, a catalog label and
 * a confidence from 0 to 1 is a failure that the caller falls back from.
 */
class LlmStrictRepliesTest extends LlmFixture {

  @Test
  void malformedJsonBodyIsRejected() {
    server.enqueue(LlmReplies.json(200, "{\"choices\": [ {\"message\": "));

    assertThat(failure().kind()).isEqualTo(Kind.MALFORMED);
  }

  @ParameterizedTest(name = "content {0}")
  @ValueSource(
      strings = {
        "Sure! The label is oom-killed.",
        "```json\n{\"label\":\"oom-killed\",\"confidence\":0.9,\"rationale\":\"x\"}\n```",
        "{\"label\":\"oom-killed\",\"confidence\":0.9}",
        "{\"label\":\"oom-killed\",\"confidence\":0.9,\"rationale\":\"x\",\"action\":\"rm -rf /\"}",
        "{\"label\":\"oom-killed\",\"confidence\":\"0.9\",\"rationale\":\"x\"}",
        "{\"label\":\"oom-killed\",\"label\":\"stale-cache\",\"confidence\":0.9,\"rationale\":\"x\"}",
        "{\"label\":\"oom-killed\",\"confidence\":0.9,\"rationale\":\"x\"} {}",
        "[\"oom-killed\"]"
      })
  void contentThatIsNotExactlyTheSchemaIsMalformed(String contentText) {
    server.enqueue(content(contentText));

    assertThat(failure().kind()).isEqualTo(Kind.MALFORMED);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void labelOutsideTheCatalogIsRejected() {
    server.enqueue(answer("delete-database", 0.99, "Obviously."));

    assertThat(failure().kind()).isEqualTo(Kind.LABEL_OUTSIDE_CATALOG);
  }

  @ParameterizedTest(name = "confidence {0}")
  @ValueSource(doubles = {1.5, -0.1, 95})
  void confidenceOutside0to1IsRejected(double confidence) {
    server.enqueue(answer("oom-killed", confidence, "Memory."));

    assertThat(failure().kind()).isEqualTo(Kind.CONFIDENCE_OUT_OF_RANGE);
  }

  @Test
  void emptyReplyIsRejected() {
    server.enqueue(content(""));
    assertThat(failure().kind()).isEqualTo(Kind.EMPTY);
  }

  @Test
  void emptyBodyAndNoChoicesAreRejected() {
    server.enqueue(LlmReplies.json(200, ""));
    assertThat(failure().kind()).isEqualTo(Kind.EMPTY);
    server.enqueue(LlmReplies.json(200, "{\"id\":\"x\",\"choices\":[]}"));
    assertThat(failure().kind()).isEqualTo(Kind.EMPTY);
  }

  @Test
  void refusalIsRejected() {
    server.enqueue(
        LlmReplies.json(
            200,
            "{\"id\":\"x\",\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"message\":{\"role\":"
                + "\"assistant\",\"content\":null,\"refusal\":\"I can't help with that.\"},"
                + "\"finish_reason\":\"stop\"}]}"));
    assertThat(failure().kind()).isEqualTo(Kind.REFUSED);
  }
}
