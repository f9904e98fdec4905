package dev.greenlight.classify;

import java.util.ArrayList;
import java.util.List;

/**
 * A calibration fitted on the catalog alone, no labelled set needed: every example is classified as
 * if it were a report against the catalog without it, and every "other incident" line against the
 * catalog and the reference without it (a proposal for one of those is wrong); Platt is fitted on
 * the proposals. Measured by {@code eval} as the row "calibrated (catalog LOO)".
 */
public final class CatalogCalibration {
  private CatalogCalibration() {}

  /** The fit for {@code local}'s strategy, floor and tuning, on its own catalog. */
  public static Calibration fit(EmbeddingClassifier embeddings, LocalClassifier local) {
    List<Calibration.Point> points = new ArrayList<>();
    for (EmbeddingClassifier.LeftOut left : embeddings.leaveOneOut()) {
      Lexicon lexicon =
          left.runbook() == null
              ? embeddings.lexicon()
              : new Lexicon(embeddings.runbooks(), left.text());
      String prepared = LocalClassifier.prepare(left.text());
      LocalClassifier.Scored s =
          local.decide(
              new LocalClassifier.Features(
                  prepared,
                  left.analysis().scores(),
                  lexicon.coverage(prepared),
                  LocalClassifier.nearby(lexicon, prepared, left.analysis().others()),
                  null));
      if (s.verdict().runbook() != null) {
        points.add(
            new Calibration.Point(
                s.similarity(), s.margin(), s.verdict().runbook().equals(left.runbook())));
      }
    }
    return points.isEmpty() ? Calibration.DEFAULT : Calibration.fit(points, 1);
  }
}
