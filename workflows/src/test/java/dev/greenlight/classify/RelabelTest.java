package dev.greenlight.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.config.ConfigLoader;
import dev.greenlight.config.Runbook;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The closest labelled text overrules the examples' label, and a label only it stands behind goes
 * to a person.
 */
class RelabelTest {
  private static final double MIN_SCORE = 0.22;

  private final List<Runbook> demo = ConfigLoader.loadDemo().runbooks();
  private final Runbook staleCache = runbook("stale-cache");
  private final Runbook oomKilled = runbook("oom-killed");
  private final LocalClassifier.Scored cacheByExamples =
      new LocalClassifier.Scored(
          new Verdict(staleCache, 0.97, "cache serves stale data", null, "m"),
          0.81,
          0.30,
          "score 0.81, margin 0.30 over the next runbook",
          false,
          null);

  @Test
  void aNeighbourWithTheSameLabelLeavesTheExamplesVerdictAsItIs() {
    LocalClassifier.Scored s = apply(new Neighbour(staleCache, "users see old prices", 0.9));

    assertThat(s).isSameAs(cacheByExamples);
  }

  @Test
  void aNeighbourNoRunbookCoversMakesTheReportUnknownBelowTheFloor() {
    LocalClassifier.Scored s =
        apply(new Neighbour(null, "redis cache-02 is down, connection refused", 0.88));

    assertThat(s.verdict().label()).isEqualTo(Verdict.UNKNOWN_LABEL);
    assertThat(s.verdict().confidence()).isLessThan(MIN_SCORE);
    assertThat(s.elsewhere()).isTrue();
    assertThat(s.why()).contains("no runbook covers (\"redis cache-02 is down");
    assertThat(s.overruled()).isNull();
  }

  @Test
  void aNeighbourOfAnotherRunbookProposesItAndSendsItToAPerson() {
    LocalClassifier.Scored s =
        apply(new Neighbour(oomKilled, "exit 137 every night in the batch", 0.84));

    assertThat(s.verdict().runbook()).isSameAs(oomKilled);
    assertThat(s.verdict().nearestExample()).isEqualTo("exit 137 every night in the batch");
    assertThat(s.overruled())
        .isEqualTo(
            "the labelled incidents point to oom-killed, the catalog's examples to stale-cache");
    LocalClassifier local =
        new LocalClassifier(
            SharedModel.classifier(demo),
            LocalClassifier.Strategy.NEAREST,
            Calibration.DEFAULT,
            MIN_SCORE);
    assertThat(Guards.reasons("the batch job dies with exit 137", s, local, demo))
        .contains(s.overruled());
  }

  private LocalClassifier.Scored apply(Neighbour n) {
    LocalClassifier.Features f =
        new LocalClassifier.Features("report", List.of(), Map.of(), List.of(), n);
    return Relabel.apply(cacheByExamples, f, Calibration.DEFAULT, MIN_SCORE);
  }

  private Runbook runbook(String label) {
    return demo.stream().filter(r -> r.label().equals(label)).findFirst().orElseThrow();
  }
}
