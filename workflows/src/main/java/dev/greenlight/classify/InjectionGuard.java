package dev.greenlight.classify;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Spots instruction-like text in an incident report: requests to ignore instructions, to choose a
 * label, risk or confidence, to approve or skip the gate, shell commands, chat-template or report
 * delimiters, label/confidence key-value pairs or JSON, in English, German, French, Spanish,
 * Russian and Chinese, and letters in scripts it cannot read. The text is normalized first ({@link
 * TextNormalizer}: NFKC, invisible characters removed, look-alike letters and digit substitutions
 * folded), so zero-width spaces, Unicode hyphens, homoglyphs and leetspeak do not hide a phrase.
 * Such a report is still classified, but its result is marked degraded so a human decides.
 */
public final class InjectionGuard {
  private static final List<Pattern> PATTERNS =
      List.of(
          Pattern.compile(
              "\\b(ignore|disregard|forget|override)\\b[^.\\n]{0,40}\\b(instructions?|prompts?|rules|guidelines|above|previous|prior)\\b"),
          Pattern.compile("\\bsystem\\s*(prompt|:|message|update)"),
          Pattern.compile("\\b(assistant|user|developer)\\s*:"),
          Pattern.compile("\\byou\\s+are\\s+now\\b"),
          Pattern.compile("\\b(re)?(classify|categori[sz]e)\\b[^.\\n]{0,30}\\bas\\b"),
          Pattern.compile("\\b(mark|label|treat|tag)\\s+(this|it|everything)\\s+(as|with)\\b"),
          Pattern.compile("\\b(respond|answer|reply)\\s+with\\b"),
          Pattern.compile(
              "\\b(note|message|hint|instructions?)\\s+(for|to)\\s+(the\\s+)?(ai|bot|model|llm|assistant|classifier|greenlight)\\b"),
          Pattern.compile(
              "\\b(the\\s+)?(correct|right|real|true)\\s+(label|runbook|category|class)\\b"),
          Pattern.compile("\\b(label|runbook|category|risk|confidence|score)\\s*[\"']?\\s*[:=]"),
          Pattern.compile("\"\\s*(label|confidence|rationale|risk|runbook)\\s*\""),
          Pattern.compile("\\b(low|no|zero)[ -]risk\\b"),
          Pattern.compile("\\brisk\\s*(level|tier)?\\s*(is|=|:|to)\\s*(low|none)\\b"),
          Pattern.compile("\\bits\\s+risk\\s+is\\b"),
          Pattern.compile(
              "\\bconfidence\\s*(is|=|:|of|to)?\\s*(1(\\.0+)?|100\\s*%?|0?\\.9\\d*)\\b"),
          Pattern.compile("\\bauto[- ]?(approve|approval|run|merge)\\b"),
          Pattern.compile(
              "\\b(skip|bypass|without)\\b[^.\\n]{0,30}\\b(gate|approval|review|human|asking|anyone)\\b"),
          Pattern.compile("\\bno\\s+(approval|review|human)\\b"),
          Pattern.compile("\\b(approve|execute|authori[sz]e)\\s+(this|it|immediately|now|you)\\b"),
          Pattern.compile("\\bthe\\s+runbook\\s+you\\b"),
          Pattern.compile(
              "(\\brm\\s+-rf\\b|\\bsudo\\b|\\bcurl\\s+-|\\bkubectl\\s+delete\\b|;\\s*drop\\s+table)"),
          Pattern.compile(
              "(<\\|[a-z_]+\\|>|\\[/?(inst|system|sys)\\]|</?(incident|system|user|assistant)[^>]*>|###\\s*(system|instruction)|<<<|>>>|```|end_incident|incident_report)"),
          // German, French, Spanish, Russian, Chinese
          Pattern.compile(
              "\\b(ignorier\\w*|anweisung\\w*|klassifizier\\w*|einstuf\\w*|genehmig\\w*|hinweis\\s+f(ü|u)r)"),
          Pattern.compile(
              "\\b(ignorez|ignore[rz]?\\s+les|instructions?\\s+pr(é|e)c(é|e)dentes|classe[rz]\\b|class(é|e)\\s+comme|consignes)"),
          Pattern.compile("\\b(ignora\\w*|instrucciones|clasifica\\w*|etiqueta\\w*|aprueba\\w*)"),
          Pattern.compile("(игнорир\\w*|инструкц\\w*|классифиц\\w*|одобр\\w*|метк\\w*)"),
          Pattern.compile("(忽略|指示|指令|分类|标签|批准|无视)"));

  /** Letters the patterns above cannot read: a report mostly in them is not checked, so flagged. */
  private static final Pattern FOREIGN_SCRIPT =
      Pattern.compile(
          "[[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\p{IsHangul}\\p{IsArabic}\\p{IsHebrew}"
              + "\\p{IsCyrillic}\\p{IsGreek}\\p{IsThai}\\p{IsDevanagari}]&&[^\\u03bc]]");

  private InjectionGuard() {}

  /** The first instruction-like fragment found in the text, or null when there is none. */
  public static String suspicious(String text) {
    if (text == null) {
      return null;
    }
    for (String t :
        List.of(
            TextNormalizer.forPatterns(text),
            TextNormalizer.canonical(text, false).toLowerCase(Locale.ROOT))) {
      for (Pattern p : PATTERNS) {
        var m = p.matcher(t);
        if (m.find()) {
          return m.group();
        }
      }
    }
    var m = FOREIGN_SCRIPT.matcher(TextNormalizer.normalize(text));
    if (m.find()) {
      return "text in a script the guard does not read (" + m.group() + ")";
    }
    return null;
  }

  /**
   * The first catalog label or runbook id the text names verbatim (reporters describe symptoms;
   * naming the runbook is steering), or null.
   */
  public static String namesRunbook(String text, List<String> labelsAndIds) {
    String t = TextNormalizer.forPatterns(text);
    for (String name : labelsAndIds) {
      String n = name.toLowerCase(Locale.ROOT);
      if (n.contains("-")
          && Pattern.compile("(?<![a-z0-9])" + Pattern.quote(n) + "(?![a-z0-9])")
              .matcher(t)
              .find()) {
        return name;
      }
    }
    return null;
  }
}
