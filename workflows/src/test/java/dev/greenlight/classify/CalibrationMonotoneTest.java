package dev.greenlight.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A fitted calibration never lowers the confidence for a higher score or margin, even on a set
 * where higher scores were wrong more often (seen this round: a variant's fit on the on-call set
 * had a score weight of -3.2, the intercept 6.5, and auto-approved 4 wrong cases on built-in).
 */
class CalibrationMonotoneTest {
  @Test
  void whenHigherScoresWereMoreOftenWrongTheScoreIsLeftOut() {
    List<Calibration.Point> pts = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      double s = 0.3 + i * 0.01;
      pts.add(new Calibration.Point(s, 0.1 + (i % 5) * 0.01, s < 0.6 || i % 7 == 0));
    }

    Calibration c = Calibration.fit(pts, 1);

    assertThat(c.wSimilarity()).isGreaterThanOrEqualTo(0);
    assertThat(c.wMargin()).isGreaterThanOrEqualTo(0);
    assertThat(c.probability(0.9, 0.1)).isGreaterThanOrEqualTo(c.probability(0.3, 0.1));
  }

  @Test
  void aMarginThatTellsRightFromWrongIsKeptWhenTheScoreIsLeftOut() {
    List<Calibration.Point> pts = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      double s = 0.3 + i * 0.01;
      double m = (i * 37 % 60) / 100.0;
      pts.add(new Calibration.Point(s, m, m > 0.25 && s < 0.75));
    }

    Calibration c = Calibration.fit(pts, 1);

    assertThat(c.wSimilarity()).isGreaterThanOrEqualTo(0);
    assertThat(c.wMargin()).isGreaterThan(0);
    assertThat(c.probability(0.5, 0.5)).isGreaterThan(c.probability(0.5, 0.05));
  }

  @Test
  void whenNeitherHelpsTheConfidenceIsTheRateOfRightProposals() {
    List<Calibration.Point> pts = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      double s = 0.3 + i * 0.015;
      pts.add(new Calibration.Point(s, s / 2, i < 30));
    }

    Calibration c = Calibration.fit(pts, 1);

    assertThat(c.probability(0.3, 0.15)).isEqualTo(c.probability(0.9, 0.45));
    assertThat(c.probability(0.6, 0.3)).isBetween(0.70, 0.80);
  }
}
