package dev.greenlight.classify;

import java.util.Locale;

/**
 * The labelled incidents' say over the examples' decision. The closest labelled text (example, past
 * incident or "other incident" line) gives the label. When it agrees with what the examples alone
 * decided, their verdict stands, confidence and all, so only it can run unattended. When the
 * closest text is one no runbook covers, the report is unknown. When it names another runbook, that
 * runbook is proposed and a person decides: a label that nothing but the neighbour stands behind is
 * never auto-approved.
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
          "the closest labelled text is an incident no runbook covers (" + closest + ")",
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
        "the closest labelled text ("
            + closest
            + ") is "
            + n.label()
            + "; examples: "
            + mine.label(),
        false,
        "the labelled incidents point to "
            + n.label()
            + ", the catalog's examples to "
            + mine.label());
  }
}
