package dev.greenlight.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Splits a report into its parts (sentences and clauses) and tells which parts are negated ("not a
 * deploy issue", "cache looks fine", "no OOM"): a negated part names what the incident is not, so
 * it must not pull the classification toward that runbook.
 */
final class Segments {
  private static final Pattern SPLIT =
      Pattern.compile(
          "(?<=[.!?;])\\s+|\\s*[;|\\n]\\s*|\\s+-{1,2}\\s+|\\s*:\\s+|\\s*,\\s*|\\s+(?=(but|however|although|though|while|whereas|actually)\\b)",
          Pattern.CASE_INSENSITIVE);

  /**
   * A cause denied: "not a deploy issue", "no OOM", "isn't the cache", "ruled out DNS", "cache is
   * fine". A negated verb ("not showing", "doesn't help", "not invalidated") is a symptom and does
   * not count.
   */
  private static final Pattern NEGATION =
      Pattern.compile(
          "(\\b(not|no|never|isn't|isnt|aren't|wasn't|weren't|nor)\\s+(a|an|the|any|our|its)?\\s*(?!(?:\\w+(?:ing|ed|en)|help|work|change|appear|load|show|update|reflect|clear|expire|match|refresh|reach|respond|go|come|start|stop|run|get|see|pick|purge|invalidate|exist|longer|more|one|matter)\\b)[a-z0-9][\\w-]*"
              + "|\\bnothing\\s+to\\s+do\\s+with\\b|\\brul(ed|e)\\s+out\\b|\\bunrelated\\b|\\bn/a\\b"
              + "|\\b(is|are|was|looks?|seems?|went|checks?\\s+out)\\s+(fine|ok|okay|healthy|normal|valid|good|green|fresh|clean)\\b"
              + "|\\b(everything|all|all good|data)\\s+(is\\s+)?(fine|ok|okay|fresh|normal|green)\\b"
              + "|^(no|nope)\\b|\\?\\s*(no|nope)\\b)",
          Pattern.CASE_INSENSITIVE);

  private Segments() {}

  /** The non-blank parts of the text, in order. */
  static List<String> split(String text) {
    List<String> out = new ArrayList<>();
    for (String s : SPLIT.split(text)) {
      String p = s.strip();
      if (!p.isEmpty()) {
        out.add(p);
      }
    }
    return out;
  }

  static boolean negated(String part) {
    return NEGATION.matcher(part.toLowerCase(Locale.ROOT)).find();
  }

  /**
   * The text without its negated parts; the whole text when every part is negated (then there is
   * nothing else to go on).
   */
  static String affirmed(String text) {
    List<String> kept = new ArrayList<>();
    for (String p : split(text)) {
      if (!negated(p)) {
        kept.add(p);
      } else if (p.matches("(?i)(no|nope)\\b.*")
          && !kept.isEmpty()
          && kept.get(kept.size() - 1).endsWith("?")) {
        kept.remove(kept.size() - 1); // "stale cache? no."
      }
    }
    return kept.isEmpty() ? text : String.join(". ", kept);
  }
}
