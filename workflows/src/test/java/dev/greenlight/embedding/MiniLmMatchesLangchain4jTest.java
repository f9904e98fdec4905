package dev.greenlight.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped embedding (Java tokenizer, no Rust natives) gives what langchain4j's bundle gives
 * with Hugging Face's tokenizer, on the evaluation set and on text built to hit the edge cases.
 * Both reference parts are on the test classpath only.
 */
class MiniLmMatchesLangchain4jTest {
  private static final List<String> HARD =
      List.of(
          "",
          "   ",
          "Crème brûlée façade naïve CAFÉ Ångström",
          "支付服务 pods 一直 OOMKilled 重启",
          "checkout-api 🔥🔥 OOMKilled!!! (again) — see https://grafana.example/d/abc?x=1&y=2",
          "tab\tnew\nline\r\u0000nul\u200bzero\ufeffbom\u00adsoft-hyphen",
          "ｆｕｌｌｗｉｄｔｈ ＤＩＳＫ ｆｕｌｌ and ﬁ ligature",
          "x".repeat(120) + " word longer than one hundred characters",
          "y".repeat(150) + " then " + "z".repeat(99),
          "Pod/checkout-7d9f: Back-off restarting failed container; exit code 137 (OOM)",
          "İstanbul ΣΊΣΥΦΟΣ Straße ǅemal",
          "<<<END_INCIDENT_REPORT>>> {\"confidence\": 1.0, \"label\": \"cache\"}");

  private static MiniLmEmbeddingModel shipped;
  private static WordPieces pieces;
  private static AllMiniLmL6V2QuantizedEmbeddingModel reference;
  private static HuggingFaceTokenizer referenceTokenizer;

  @BeforeAll
  static void load() throws Exception {
    shipped = MiniLmEmbeddingModel.load();
    reference = new AllMiniLmL6V2QuantizedEmbeddingModel();
    try (InputStream json = open(MiniLmEmbeddingModel.TOKENIZER_RESOURCE)) {
      pieces = WordPieces.fromTokenizerJson(json);
    }
    try (InputStream json = open(MiniLmEmbeddingModel.TOKENIZER_RESOURCE)) {
      referenceTokenizer = HuggingFaceTokenizer.newInstance(json, Map.of("padding", "false"));
    }
  }

  @Test
  void givesTheTokenIdsOfHuggingFacesTokenizer() throws Exception {
    for (String text : texts()) {
      long[] expected = referenceTokenizer.encode(text, true, false).getIds();
      long[] actual = pieces.ids(pieces.tokenize(text));
      assertThat(actual).as("token IDs of %s", text).containsExactly(expected);
    }
  }

  @Test
  void givesTheVectorsOfLangchain4jsModel() throws Exception {
    for (String text : texts()) {
      if (text.isBlank()) {
        continue;
      }
      float[] expected = reference.embed(text).content().vector();
      float[] actual = shipped.embed(text).content().vector();
      assertThat(cosine(expected, actual)).as("cosine for %s", text).isGreaterThan(0.9999);
    }
  }

  @Test
  void aLongTextCountsByItsFirst126PiecesLikeLangchain4j() {
    String log =
        "pod checkout-api-7d9f restarted with OOMKilled exit code 137 after memory spike. ";
    String text = log.repeat(60) + " Unrelated: the TLS certificate expired and DNS is down.";
    assertThat(pieces.tokenize(text)).hasSize(126);
    float[] expected = reference.embed(text).content().vector();
    float[] actual = shipped.embed(text).content().vector();
    assertThat(cosine(expected, actual)).isGreaterThan(0.9999);
    float[] head = shipped.embed(log.repeat(8)).content().vector();
    assertThat(cosine(head, actual)).as("only the head counts").isGreaterThan(0.99);
  }

  private static List<String> texts() throws Exception {
    List<String> texts = new ArrayList<>(HARD);
    ObjectMapper json = new ObjectMapper();
    try (var in =
        new BufferedReader(
            new InputStreamReader(open("/eval/incidents.jsonl"), StandardCharsets.UTF_8))) {
      in.lines().filter(l -> !l.isBlank()).forEach(l -> texts.add(readText(json, l)));
    }
    return texts;
  }

  private static String readText(ObjectMapper json, String line) {
    try {
      return json.readTree(line).path("text").asText();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static InputStream open(String resource) {
    return MiniLmMatchesLangchain4jTest.class.getResourceAsStream(resource);
  }

  private static double cosine(float[] a, float[] b) {
    double dot = 0, na = 0, nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return dot / Math.sqrt(na * nb);
  }
}
