package dev.greenlight.classify;

import static dev.greenlight.classify.ChatText.abbreviate;
import static dev.greenlight.classify.ChatText.oneLine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.classify.ClassifierException.Kind;
import dev.greenlight.config.Runbook;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Parses a chat-completions reply strictly into a verdict. The content must be a JSON object with
 * exactly a catalog label, a confidence from 0 to 1 and a rationale; anything else is a failure.
 * The runbook always comes from the catalog, never from the model.
 */
final class ChatReply {
  private static final int MAX_RATIONALE_CHARS = 200;
  private static final Set<String> FIELDS = Set.of("label", "confidence", "rationale");

  private final Map<String, Runbook> byLabel;
  private final String llmModel;
  private final String host;

  /**
   * @param byLabel the catalog, by label
   * @param llmModel the model asked for in the request
   * @param host the endpoint's host, named in model descriptions
   */
  ChatReply(Map<String, Runbook> byLabel, String llmModel, String host) {
    this.byLabel = byLabel;
    this.llmModel = llmModel;
    this.host = host;
  }

  /** Describes the model, naming the one that {@code served} the reply when it differs. */
  String model(String served) {
    String where = " (OpenAI-compatible API at " + host + ")";
    if (served.isBlank() || served.equals(llmModel)) {
      return llmModel + where;
    }
    return llmModel + " → " + abbreviate(oneLine(served), 60) + where;
  }

  /** Parses the raw reply body into a verdict. */
  Verdict parse(String raw) throws ClassifierException {
    JsonNode root = StrictJson.read(raw, "response body");
    JsonNode answer = StrictJson.read(content(root).strip(), "content");
    if (!answer.isObject()) {
      throw new ClassifierException(Kind.MALFORMED, "the content is not a JSON object");
    }
    Set<String> fields = new TreeSet<>();
    for (Iterator<String> it = answer.fieldNames(); it.hasNext(); ) {
      fields.add(it.next());
    }
    if (!fields.equals(FIELDS)) {
      throw new ClassifierException(
          Kind.MALFORMED,
          "the content must have exactly label, confidence and rationale (got "
              + abbreviate(String.join(", ", fields), 80)
              + ")");
    }
    JsonNode label = answer.get("label");
    JsonNode confidence = answer.get("confidence");
    JsonNode rationale = answer.get("rationale");
    if (!label.isTextual() || !rationale.isTextual()) {
      throw new ClassifierException(Kind.MALFORMED, "label and rationale must be strings");
    }
    if (!confidence.isNumber()) {
      throw new ClassifierException(Kind.MALFORMED, "confidence must be a number");
    }
    double c = confidence.asDouble();
    if (!Double.isFinite(c) || c < 0 || c > 1) {
      throw new ClassifierException(
          Kind.CONFIDENCE_OUT_OF_RANGE, "confidence " + abbreviate(confidence.asText(), 20));
    }
    String l = label.asText();
    Runbook runbook = byLabel.get(l);
    if (runbook == null && !l.equals(Verdict.UNKNOWN_LABEL)) {
      throw new ClassifierException(
          Kind.LABEL_OUTSIDE_CATALOG, "label '" + abbreviate(oneLine(l), 40) + "'");
    }
    String served = root.path("model").isTextual() ? root.get("model").asText() : "";
    return new Verdict(
        runbook,
        c,
        null,
        abbreviate(oneLine(rationale.asText()), MAX_RATIONALE_CHARS),
        model(served));
  }

  /** The first choice's message content, after checking for refusals, filters and cut-offs. */
  private static String content(JsonNode root) throws ClassifierException {
    JsonNode choices = root.get("choices");
    if (choices == null || !choices.isArray() || choices.isEmpty()) {
      throw new ClassifierException(Kind.EMPTY, "reply has no choices");
    }
    JsonNode choice = choices.get(0);
    JsonNode message = choice.get("message");
    if (message == null || !message.isObject()) {
      throw new ClassifierException(Kind.MALFORMED, "reply has no message");
    }
    JsonNode refusal = message.get("refusal");
    if (refusal != null && !refusal.isNull()) {
      throw new ClassifierException(Kind.REFUSED, "the model refused");
    }
    String finish = choice.path("finish_reason").asText("");
    if (finish.equals("content_filter")) {
      throw new ClassifierException(Kind.REFUSED, "the reply was filtered");
    }
    JsonNode contentNode = message.get("content");
    if (contentNode == null || contentNode.isNull() || contentNode.asText().isBlank()) {
      throw new ClassifierException(Kind.EMPTY, "the reply's content is empty");
    }
    if (!contentNode.isTextual()) {
      throw new ClassifierException(Kind.MALFORMED, "the reply's content is not text");
    }
    if (finish.equals("length")) {
      throw new ClassifierException(Kind.MALFORMED, "the reply was cut off (finish_reason length)");
    }
    return contentNode.asText();
  }
}
