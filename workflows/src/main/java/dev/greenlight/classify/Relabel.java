package dev.greenlight.classify;

import java.util.Locale;

/**
 * The labelled incidents' say over the examples' decision. The label the closest labelled texts
 * (examples, past incidents, "other incident" lines) give ({@link Vote}) is compared with what the
 * examples alone decided. When the two agree, the examples' verdict stands, confidence and all, so
 * only it can run unattended. When no runbook covers the vote's label, the report is unknown. When
 * it is another runbook, that runbook is proposed and a person decides: a label that nothing but
 * the labelled texts stand behind is never auto-approved.
 */
final class Relabel {
  private Relabel() {}

  static LocalClassifier.Scored apply(
      LocalClassifier.Scored byExamples,
      LocalClassifier.Features f,
      Calibration calibration,
      double minScore) {
    Neighbour n = f.neighbour();
    Verdict mine = byExamples.verdict();
    if (n == null || n.label().equals(mine.label())) {
      return byExamples;
    }
    String closest =
        String.format(
            Locale.ROOT, "\"%s\", %.2f", ChatText.abbreviate(n.text(), 60), n.similarity());
    if (n.runbook() == null) {
      double c = Math.max(0, Math.min(byExamples.similarity(), minScore - 0.01));
      return new LocalClassifier.Scored(
          new Verdict(null, c, mine.nearestExample(), null, mine.model()),
          byExamples.similarity(),
          byExamples.margin(),
          "the closest labelled texts are incidents no runbook covers (" + closest + ")",
          true,
          null);
    }
    // Nothing but the neighbour stands behind this label: a confidence with no margin, and a
    // person.
    double p = calibration.probability(n.similarity(), 0);
    return new LocalClassifier.Scored(
        new Verdict(n.runbook(), p, n.text(), null, mine.model()),
        n.similarity(),
        0,
        "the closest labelled texts are "
            + n.label()
            + " ("
            + closest
            + "); examples: "
            + mine.label(),
        false,
        "the labelled incidents point to "
            + n.label()
            + ", the catalog's examples to "
            + mine.label());
  }
}
