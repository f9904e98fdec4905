package dev.greenlight.embedding;

import ai.djl.modality.nlp.DefaultVocabulary;
import ai.djl.modality.nlp.Vocabulary;
import ai.djl.modality.nlp.bert.BertFullTokenizer;
import ai.djl.modality.nlp.bert.WordpieceTokenizer;
import ai.djl.modality.nlp.preprocess.TextProcessor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * BERT's uncased WordPiece tokenization, in Java (DJL's preprocessors and WordPiece), with the
 * vocabulary and the rules of the model's own {@code tokenizer.json}: clean text, spaces around CJK
 * ideographs, lower case, accents stripped, punctuation split, words over 100 characters unknown.
 * It gives the token IDs that Hugging Face's Rust tokenizer gives, without shipping its natives.
 */
final class WordPieces {
  static final String UNKNOWN = "[UNK]";
  private static final int MAX_CHARS_PER_WORD = 100;

  private final Vocabulary vocabulary;
  private final List<TextProcessor> basic = BertFullTokenizer.getPreprocessors(false);
  private final WordpieceTokenizer wordPiece;
  private final long cls;
  private final long sep;
  private final int maxPieces;

  private WordPieces(List<String> tokensById, int maxLength) {
    maxPieces = maxLength - 2;
    vocabulary = DefaultVocabulary.builder().add(tokensById).optUnknownToken(UNKNOWN).build();
    wordPiece = new WordpieceTokenizer(vocabulary, UNKNOWN, MAX_CHARS_PER_WORD);
    cls = vocabulary.getIndex("[CLS]");
    sep = vocabulary.getIndex("[SEP]");
  }

  /**
   * Reads {@code model.vocab} (token to ID) and {@code truncation.max_length} (512 when absent) of
   * a Hugging Face {@code tokenizer.json}.
   */
  static WordPieces fromTokenizerJson(InputStream json) throws IOException {
    JsonNode root = new ObjectMapper().readTree(json);
    JsonNode vocab = root.path("model").path("vocab");
    int maxLength = root.path("truncation").path("max_length").asInt(512);
    if (maxLength < 3) {
      throw new IOException("tokenizer.json: truncation.max_length " + maxLength + " is under 3");
    }
    if (!vocab.isObject() || vocab.isEmpty()) {
      throw new IOException("tokenizer.json has no model.vocab object");
    }
    String[] byId = new String[vocab.size()];
    for (var it = vocab.fields(); it.hasNext(); ) {
      var e = it.next();
      int id = e.getValue().asInt(-1);
      if (id < 0 || id >= byId.length || byId[id] != null) {
        throw new IOException("tokenizer.json: vocabulary IDs are not 0.." + (byId.length - 1));
      }
      byId[id] = e.getKey();
    }
    return new WordPieces(Arrays.asList(byId), maxLength);
  }

  /**
   * The text's word pieces, without the special tokens, cut to the tokenizer's truncation length
   * (all-MiniLM-L6-v2's tokenizer keeps 128 tokens: the first 126 pieces of a long text count).
   */
  List<String> tokenize(String text) {
    List<String> words = new ArrayList<>(List.of(clean(text)));
    for (TextProcessor p : basic) {
      words = p.preprocess(words);
    }
    words.removeIf(String::isEmpty);
    List<String> pieces = wordPiece.preprocess(words);
    return pieces.size() > maxPieces ? pieces.subList(0, maxPieces) : pieces;
  }

  /** {@code [CLS]}, the pieces' IDs, {@code [SEP]}: one model input. */
  long[] ids(List<String> pieces) {
    long[] ids = new long[pieces.size() + 2];
    ids[0] = cls;
    for (int i = 0; i < pieces.size(); i++) {
      ids[i + 1] = vocabulary.getIndex(pieces.get(i));
    }
    ids[ids.length - 1] = sep;
    return ids;
  }

  /**
   * What BertNormalizer does before splitting and DJL's cleaner does not: every control, format,
   * private-use, unassigned or lone surrogate character is dropped (zero-width spaces, BOMs, soft
   * hyphens); tab, newline and carriage return stay as spaces; each CJK ideograph is a word; and
   * lower case is taken one character at a time (a final capital sigma becomes σ, as in Rust).
   */
  private static String clean(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    text.codePoints()
        .forEach(
            c -> {
              if (c == '\t' || c == '\n' || c == '\r') {
                out.append(' ');
              } else if (c == 0 || c == 0xFFFD || isOther(c)) {
                return;
              } else if (isIdeograph(c)) {
                out.append(' ').appendCodePoint(c).append(' ');
              } else {
                out.append(Character.toString(c).toLowerCase(Locale.ROOT));
              }
            });
    return out.toString();
  }

  private static boolean isOther(int c) {
    int type = Character.getType(c);
    return type == Character.CONTROL
        || type == Character.FORMAT
        || type == Character.PRIVATE_USE
        || type == Character.SURROGATE
        || type == Character.UNASSIGNED;
  }

  private static boolean isIdeograph(int c) {
    return (c >= 0x4E00 && c <= 0x9FFF)
        || (c >= 0x3400 && c <= 0x4DBF)
        || (c >= 0x20000 && c <= 0x2A6DF)
        || (c >= 0x2A700 && c <= 0x2B73F)
        || (c >= 0x2B740 && c <= 0x2B81F)
        || (c >= 0x2B820 && c <= 0x2CEAF)
        || (c >= 0xF900 && c <= 0xFAFF)
        || (c >= 0x2F800 && c <= 0x2FA1F);
  }
}
