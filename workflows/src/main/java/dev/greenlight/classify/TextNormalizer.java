package dev.greenlight.classify;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Puts untrusted incident text into one canonical form before any check or model sees it: Unicode
 * NFKC (full-width letters, ligatures and compatibility forms become plain ones), format and
 * invisible characters removed (zero-width space/joiner, word joiner, BOM, bidi controls, soft
 * hyphen), Cyrillic and Greek look-alike letters folded to Latin, every Unicode dash to {@code -},
 * control characters and runs of white space to one space.
 */
public final class TextNormalizer {
  private static final String CONFUSABLE_FROM =
      "аеорсухіјѕԁɡһкмтвнАЕОРСУХІЈЅВНКМТοαρνιυκτεΑΒΕΗΙΚΜΝΟΡΤΥΧΖ";
  private static final String CONFUSABLE_TO =
      "aeopcyxijsdghkmtbhAEOPCYXIJSBHKMToapviukteABEHIKMNOPTYXZ";

  private TextNormalizer() {}

  /** The canonical form the classifiers and the guard work on. */
  public static String normalize(String text) {
    return canonical(text, true);
  }

  /** NFKC, invisible characters removed, dashes and spaces unified; letters left as they are. */
  static String canonical(String text, boolean foldConfusables) {
    if (text == null) {
      return "";
    }
    String t = Normalizer.normalize(text, Normalizer.Form.NFKC);
    StringBuilder sb = new StringBuilder(t.length());
    boolean space = false;
    for (int i = 0; i < t.length(); ) {
      int cp = t.codePointAt(i);
      i += Character.charCount(cp);
      int type = Character.getType(cp);
      if (type == Character.FORMAT || cp == 0x00AD || cp == 0x034F || cp == 0x180E) {
        continue; // invisible: zero-width characters, bidi controls, BOM, soft hyphen
      }
      if (Character.isWhitespace(cp) || Character.isISOControl(cp) || Character.isSpaceChar(cp)) {
        space = sb.length() > 0;
        continue;
      }
      if (space) {
        sb.append(' ');
        space = false;
      }
      if (type == Character.DASH_PUNCTUATION || cp == 0x2212) {
        sb.append('-');
        continue;
      }
      int k = foldConfusables && cp < 0x10000 ? CONFUSABLE_FROM.indexOf((char) cp) : -1;
      sb.appendCodePoint(k >= 0 ? CONFUSABLE_TO.charAt(k) : cp);
    }
    return sb.toString();
  }

  /**
   * The normalized text, lower-cased with common digit and symbol substitutions undone ({@code
   * 1gn0r3} reads {@code ignore}): for pattern checks only, never for classification (it would turn
   * {@code 5xx} into {@code sxx}).
   */
  public static String forPatterns(String text) {
    String t = normalize(text).toLowerCase(Locale.ROOT);
    StringBuilder sb = new StringBuilder(t.length());
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      boolean inWord =
          (i > 0 && Character.isLetter(t.charAt(i - 1)))
              || (i + 1 < t.length() && Character.isLetter(t.charAt(i + 1)));
      sb.append(inWord ? leet(c) : c);
    }
    return sb.toString();
  }

  private static char leet(char c) {
    return switch (c) {
      case '0' -> 'o';
      case '1', '!' -> 'i';
      case '3' -> 'e';
      case '4', '@' -> 'a';
      case '5', '$' -> 's';
      case '7' -> 't';
      default -> c;
    };
  }
}
