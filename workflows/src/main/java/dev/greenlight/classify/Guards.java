package dev.greenlight.classify;

import dev.greenlight.api.Risk;
import dev.greenlight.config.Runbook;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks that send a classification to a person whatever its confidence, all on the normalized
 * text: instruction-like text ({@link InjectionGuard}), a runbook's label or id named verbatim, the
 * catalog's example wording copied, text that asks for no fix ({@link NotAProblem}), and parts of
 * the report that point to different runbooks (or to a kind of incident no runbook covers).
 */
final class Guards {
  /** Parts with fewer informative words than this are not classified on their own. */
  static final int PART_WORDS = 3;

  /** At most this many parts are classified on their own; a longer report goes to a person. */
  static final int MAX_PARTS = 12;

  /** Share of an example's word pairs found in the report from which it counts as copied. */
  static final double COPIED = 0.8;

  private Guards() {}

  /** Why a person must decide; empty when nothing was found. */
  static List<String> reasons(
      String text, LocalClassifier.Scored whole, LocalClassifier local, List<Runbook> runbooks) {
    List<String> out = new ArrayList<>();
    if (whole.overruled() != null) {
      out.add(whole.overruled());
    }
    String hit = InjectionGuard.suspicious(text);
    if (hit != null) {
      out.add("instruction-like text in the report (\"" + ChatText.abbreviate(hit, 40) + "\")");
    }
    List<String> names = new ArrayList<>();
    for (Runbook r : runbooks) {
      names.add(r.label());
      names.add(r.id());
    }
    String named = InjectionGuard.namesRunbook(text, names);
    if (named != null) {
      out.add("the report names the runbook \"" + named + "\" itself");
    }
    boolean lowRisk =
        whole.verdict().runbook() != null && whole.verdict().runbook().risk() == Risk.LOW;
    // Only a low-risk proposal can run unattended, so only it needs the checks below: any other
    // proposal goes to a person already.
    String copied = lowRisk ? copiedExample(text, runbooks) : null;
    if (copied != null) {
      out.add(
          "the report copies the catalog's example wording (\""
              + ChatText.abbreviate(copied, 40)
              + "\")");
    }
    String calm = lowRisk ? NotAProblem.phrase(TextNormalizer.normalize(text)) : null;
    if (calm != null) {
      out.add("the report does not read as a problem to fix (\"" + calm + "\")");
    }
    String stuffed = repeated(Lexicon.words(text));
    if (stuffed != null) {
      out.add("the report repeats \"" + stuffed + "\" (keyword stuffing)");
    }
    if (lowRisk) {
      String parts = disagreement(text, whole.verdict().label(), local);
      if (parts != null) {
        out.add(parts);
      }
    }
    return out;
  }

  /** The first catalog example the report contains (nearly) word for word, or null. */
  static String copiedExample(String text, List<Runbook> runbooks) {
    Set<String> pairs = pairs(Lexicon.words(text));
    for (Runbook r : runbooks) {
      for (String example : r.examples()) {
        Set<String> ex = pairs(Lexicon.words(example));
        if (ex.size() < 3) {
          continue;
        }
        int found = 0;
        for (String p : ex) {
          found += pairs.contains(p) ? 1 : 0;
        }
        if (found >= COPIED * ex.size()) {
          return example;
        }
      }
    }
    return null;
  }

  private static Set<String> pairs(List<String> words) {
    Set<String> out = new HashSet<>();
    for (int i = 0; i + 1 < words.size(); i++) {
      out.add(words.get(i) + " " + words.get(i + 1));
    }
    return out;
  }

  /** A word said three times or more that makes a fifth of the report's words, or null. */
  static String repeated(List<String> words) {
    Map<String, Integer> counts = new HashMap<>();
    for (String w : words) {
      int n = counts.merge(w, 1, Integer::sum);
      if (n >= 3 && n * 5 >= words.size()) {
        return w;
      }
    }
    return null;
  }

  /** A reason when the report's parts point to different runbooks, or null. */
  static String disagreement(String text, String label, LocalClassifier local) {
    List<String> parts = Segments.split(LocalClassifier.prepare(text));
    if (parts.size() < 2) {
      return null;
    }
    // A part counts as pointing elsewhere as soon as it is closer to an incident no runbook covers.
    LocalClassifier strict = local.strictAboutOthers();
    Map<String, String> pointers = new LinkedHashMap<>();
    int classified = 0;
    for (String part : parts) {
      if (Lexicon.words(part).size() < PART_WORDS) {
        continue;
      }
      if (++classified > MAX_PARTS) {
        return "the report has more than " + MAX_PARTS + " parts to check one by one";
      }
      LocalClassifier.Scored s = strict.classifyWithScores(part);
      if (s.verdict().runbook() != null) {
        pointers.putIfAbsent(s.verdict().label(), part);
      } else if (s.elsewhere()) {
        pointers.putIfAbsent("something no runbook covers", part);
      }
    }
    for (var e : pointers.entrySet()) {
      if (!e.getKey().equals(label)) {
        return "parts of the report point elsewhere (\""
            + ChatText.abbreviate(e.getValue(), 40)
            + "\": "
            + e.getKey()
            + ", whole report: "
            + label
            + ")";
      }
    }
    return null;
  }
}
