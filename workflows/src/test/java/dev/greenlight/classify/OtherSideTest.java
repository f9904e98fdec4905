package dev.greenlight.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which reference line competes with the best runbook, by cosine alone or by words as well. */
class OtherSideTest {
  private static LocalClassifier.Nearby line(String text, double cosine, double lexical) {
    return new LocalClassifier.Nearby(new OtherIncidents.Closest(text, cosine), lexical);
  }

  private static final List<LocalClassifier.Nearby> NEARBY =
      List.of(line("Envoy high memory usage", 0.60, 0.1), line("Redis down", 0.55, 0.6));

  @Test
  void byCosineAloneTheClosestLineCompetes() {
    OtherSide side = OtherSide.of(NEARBY, 0);

    assertThat(side.line()).isEqualTo("Envoy high memory usage");
    assertThat(side.score()).isCloseTo(0.60, within(1e-9));
  }

  @Test
  void withALexicalWeightALineSharingTheReportsWordsCanOvertakeACloserOne() {
    OtherSide side = OtherSide.of(NEARBY, 0.75);

    // 0.55 + 0.75 * 0.6 = 1.00 against 0.60 + 0.75 * 0.1 = 0.675
    assertThat(side.line()).isEqualTo("Redis down");
    assertThat(side.score()).isCloseTo(1.00, within(1e-9));
  }

  @Test
  void noLinesNoSide() {
    assertThat(OtherSide.of(List.of(), 0.75)).isNull();
  }
}
