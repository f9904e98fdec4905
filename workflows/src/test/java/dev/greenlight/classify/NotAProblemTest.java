package dev.greenlight.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Text that asks for no fix is spotted; a plain problem report is not. */
class NotAProblemTest {
  @Test
  void resolutionsQuestionsAndAnnouncementsAreSpotted() {
    assertThat(NotAProblem.phrase("cache hit ratio up to 98% after the tuning, looks good"))
        .isEqualTo("looks good");
    assertThat(NotAProblem.phrase("stale prices were fixed now, closing the ticket"))
        .isEqualTo("fixed now");
    assertThat(NotAProblem.phrase("can we add a cache in front of the recommendations endpoint"))
        .isEqualTo("can we");
    assertThat(NotAProblem.phrase("how to read the cache dashboard")).isEqualTo("how to");
    assertThat(NotAProblem.phrase("heads-up: cache flush planned for friday"))
        .isEqualTo("heads-up");
    assertThat(NotAProblem.phrase("old prices in the cart again?")).isEqualTo("?");
    assertThat(NotAProblem.phrase(TextNormalizer.normalize("ＦＹＩ the cache is warm")))
        .isEqualTo("fyi");
  }

  @Test
  void aReportOfAProblemIsNotSpotted() {
    assertThat(NotAProblem.phrase("users see old prices, the cache was never refreshed")).isNull();
    assertThat(NotAProblem.phrase("search results still list products we deleted an hour ago"))
        .isNull();
    assertThat(NotAProblem.phrase("checkout serves yesterday's stock levels")).isNull();
  }
}
