package dev.greenlight.classify;

import dev.greenlight.config.Runbook;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The lexical signal beside the embedding: which share of an incident's informative words (weighted
 * by how specific each word is to one runbook) appear in a runbook's label, description and
 * examples. Words are lower-cased, split at camel case, digits and punctuation ({@code
 * KubePodCrashLooping} gives kube, pod, crash, looping), crudely stemmed, and stop words dropped; a
 * word also matches a catalog word that shares its first five letters (typos, inflections).
 */
final class Lexicon {
  private static final Set<String> STOP =
      Set.of(
          "a",
          "an",
          "the",
          "and",
          "or",
          "of",
          "to",
          "in",
          "on",
          "for",
          "at",
          "by",
          "with",
          "is",
          "are",
          "was",
          "were",
          "be",
          "been",
          "it",
          "its",
          "this",
          "that",
          "these",
          "from",
          "as",
          "we",
          "our",
          "i",
          "my",
          "you",
          "they",
          "them",
          "again",
          "since",
          "after",
          "before",
          "all",
          "some",
          "any",
          "very",
          "so",
          "up",
          "down",
          "just",
          "still",
          "now",
          "then",
          "than",
          "has",
          "have",
          "had",
          "do",
          "does",
          "did",
          "can",
          "cannot",
          "get",
          "got",
          "getting",
          "keep",
          "keeps",
          "seems",
          "looks",
          "like",
          "into",
          "out",
          "about",
          "over",
          "min",
          "minutes",
          "hour",
          "hours",
          "today",
          "yesterday",
          "also",
          "but",
          "not",
          "no");
  private final Map<Runbook, Set<String>> vocab = new LinkedHashMap<>();
  private final Map<String, Double> idf = new HashMap<>();

  Lexicon(List<Runbook> runbooks) {
    this(runbooks, null);
  }

  /** The lexicon without one example text (leave-one-out). */
  Lexicon(List<Runbook> runbooks, String leaveOut) {
    Map<String, Integer> df = new HashMap<>();
    for (Runbook r : runbooks) {
      Set<String> words = new HashSet<>();
      List<String> texts = new ArrayList<>(r.examples());
      texts.remove(leaveOut);
      texts.add(r.label());
      if (r.description() != null) {
        texts.add(r.description());
      }
      for (String t : texts) {
        words.addAll(words(t));
      }
      vocab.put(r, words);
      for (String w : words) {
        df.merge(w, 1, Integer::sum);
      }
    }
    int n = Math.max(1, runbooks.size());
    df.forEach((w, d) -> idf.put(w, Math.log(1 + (double) n / d)));
  }

  /** Per runbook, the weighted share (0..1) of the text's words found in its vocabulary. */
  Map<Runbook, Double> coverage(String text) {
    List<String> ws = words(text);
    Map<Runbook, Double> out = new LinkedHashMap<>();
    double total = 0;
    Map<String, Double> weight = new HashMap<>();
    double unseen = Math.log(1 + vocab.size());
    for (String w : ws) {
      weight.put(w, idf.getOrDefault(w, unseen));
    }
    for (double x : weight.values()) {
      total += x;
    }
    for (var e : vocab.entrySet()) {
      double hit = 0;
      for (var w : weight.entrySet()) {
        if (matches(w.getKey(), e.getValue())) {
          hit += idf.getOrDefault(w.getKey(), weightOfPrefix(w.getKey(), e.getValue(), unseen));
        }
      }
      out.put(e.getKey(), total == 0 ? 0 : Math.min(1, hit / total));
    }
    return out;
  }

  /**
   * The weighted share (0..1) of the text's words found in one other text (a reference line), each
   * word weighted as in {@link #coverage}.
   */
  double share(String text, String other) {
    Set<String> theirs = new HashSet<>(words(other));
    double unseen = Math.log(1 + vocab.size());
    double total = 0;
    double hit = 0;
    for (String w : new HashSet<>(words(text))) {
      double weight = idf.getOrDefault(w, unseen);
      total += weight;
      if (matches(w, theirs)) {
        hit += weight;
      }
    }
    return total == 0 ? 0 : Math.min(1, hit / total);
  }

  private double weightOfPrefix(String w, Set<String> words, double fallback) {
    for (String v : words) {
      if (prefixMatch(w, v)) {
        return idf.getOrDefault(v, fallback);
      }
    }
    return fallback;
  }

  private static boolean matches(String w, Set<String> words) {
    if (words.contains(w)) {
      return true;
    }
    for (String v : words) {
      if (prefixMatch(w, v)) {
        return true;
      }
    }
    return false;
  }

  private static boolean prefixMatch(String a, String b) {
    int k = 5;
    return a.length() >= k && b.length() >= k && a.regionMatches(0, b, 0, k);
  }

  /** The informative words of a text, stemmed, in order. */
  static List<String> words(String text) {
    String split =
        TextNormalizer.normalize(text)
            .replaceAll("([a-z])([A-Z])", "$1 $2")
            .replaceAll("([A-Z]+)([A-Z][a-z])", "$1 $2")
            .toLowerCase(Locale.ROOT);
    List<String> out = new ArrayList<>();
    for (String w : split.split("[^a-z0-9]+")) {
      if (w.length() < 2 || STOP.contains(w) || w.chars().allMatch(Character::isDigit)) {
        continue;
      }
      out.add(stem(w));
    }
    return out;
  }

  static String stem(String w) {
    for (String suffix : List.of("ing", "ed", "es", "s")) {
      if (w.length() > suffix.length() + 3 && w.endsWith(suffix)) {
        return w.substring(0, w.length() - suffix.length());
      }
    }
    return w;
  }
}
