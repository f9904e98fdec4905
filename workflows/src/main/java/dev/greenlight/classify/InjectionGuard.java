package dev.greenlight.classify;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Spots instruction-like text in an incident report ("ignore previous instructions", "classify as
 * low risk", "auto-approve", shell commands). Such a report is still classified, but its result is
 * marked degraded so a human decides: the text can never talk its way past the gate. The catalog,
 * the runbook's risk tier and the action never come from the text in any case.
 */
public final class InjectionGuard {
  private static final List<Pattern> PATTERNS =
      List.of(
          Pattern.compile(
              "\\b(ignore|disregard|forget|override)\\b[^.\\n]{0,40}\\b(instructions?|prompts?|rules|guidelines|above|previous|prior)\\b"),
          Pattern.compile("\\bsystem\\s+prompt\\b"),
          Pattern.compile("\\byou\\s+are\\s+now\\b"),
          Pattern.compile("\\b(re)?(classify|categori[sz]e)\\b[^.\\n]{0,30}\\bas\\b"),
          Pattern.compile("\\b(mark|label|treat)\\s+(this|it)\\s+as\\b"),
          Pattern.compile("\\b(low|no|zero)[ -]risk\\b"),
          Pattern.compile("\\brisk\\s*(level|tier)?\\s*(is|=|:|to)\\s*(low|none)\\b"),
          Pattern.compile("\\bconfidence\\s*(is|=|:|of|to)\\s*(1(\\.0+)?|100\\s*%?)\\b"),
          Pattern.compile("\\bauto[- ]?(approve|approval|run)\\b"),
          Pattern.compile(
              "\\b(skip|bypass|without)\\b[^.\\n]{0,20}\\b(gate|approval|review|human)\\b"),
          Pattern.compile("\\b(approve|execute)\\s+(this|it|immediately|now)\\b"),
          Pattern.compile(
              "(\\brm\\s+-rf\\b|\\bsudo\\b|\\bcurl\\s+-|\\bkubectl\\s+delete\\b|;\\s*drop\\s+table)"),
          Pattern.compile(
              "(<\\|im_start\\|>|\\[/?inst\\]|</?incident>|###\\s*(system|instruction))"));

  private InjectionGuard() {}

  /** The first instruction-like fragment found in the text, or null when there is none. */
  public static String suspicious(String text) {
    if (text == null) {
      return null;
    }
    String t = text.toLowerCase(Locale.ROOT);
    for (Pattern p : PATTERNS) {
      var m = p.matcher(t);
      if (m.find()) {
        return m.group();
      }
    }
    return null;
  }
}
