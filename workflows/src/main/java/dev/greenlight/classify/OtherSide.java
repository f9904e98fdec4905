package dev.greenlight.classify;

import java.util.List;

/**
 * The "other incidents" side of the relative test: the reference line that competes with the best
 * runbook, and its score. By cosine alone (weight 0) that is the closest line; with a lexical
 * weight each of the closest lines scores its cosine plus the weight times the share of the
 * report's words it contains ({@code classifier.local.other-lexical-weight}), so a line that names
 * the report's own words ("Kubernetes Node out of pod capacity" for "KubeletTooManyPods …")
 * competes the way the runbooks do, by meaning and by words.
 *
 * @param line the competing reference line
 * @param score its cosine, plus the weighted lexical share when the weight is above 0
 */
record OtherSide(String line, double score) {
  /** The competing line among {@code nearby}, or null when there is none. */
  static OtherSide of(List<LocalClassifier.Nearby> nearby, double lexicalWeight) {
    OtherSide best = null;
    for (LocalClassifier.Nearby n : nearby) {
      double score = n.line().similarity() + lexicalWeight * n.lexical();
      if (best == null || score > best.score()) {
        best = new OtherSide(n.line().text(), score);
      }
    }
    return best;
  }
}
