package dev.greenlight.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "consumer group keeps rebalancing every few minutes, lag flat | flat",
        "memory usage is high but stable | stable",
        "disk io at 98% on node-5, plenty of free space | plenty of",
        "memory at 88% of the limit for 2h, no restarts | no restarts",
        "ci red on main, nothing deployed | nothing deployed",
        "cache warmup is slow, p95 up a bit, data is correct | data is correct",
        "lag fired at 03:10 after a producer burst, back to 0 by 03:25 | back to 0",
        "hit ratio dropped after the memcached node was replaced, latency up while it warms"
            + " | while it warms",
        "the consumers caught up on their own | caught up",
        "cache hit ratio dropped after the scale-up, data correct, just slower | data correct",
        "NodeFilesystemSpaceFillingUp node-2 at 58%, growing 2% a week | 2% a week"
      })
  void aReportThatSaysTheFailureIsAbsentIsSpotted(String report, String phrase) {
    assertThat(NotAProblem.phrase(report)).isEqualTo(phrase);
  }

  @Test
  void aReportOfAProblemIsNotSpotted() {
    assertThat(NotAProblem.phrase("users see old prices, the cache was never refreshed")).isNull();
    assertThat(NotAProblem.phrase("search results still list products we deleted an hour ago"))
        .isNull();
    assertThat(NotAProblem.phrase("checkout serves yesterday's stock levels")).isNull();
    assertThat(NotAProblem.phrase("consumer lag growing steadily on the orders topic")).isNull();
    assertThat(NotAProblem.phrase("no space left on device on node-7")).isNull();
    assertThat(NotAProblem.phrase("consumers never caught up after the outage")).isNull();
    assertThat(NotAProblem.phrase("the orders consumers haven't caught up since 9")).isNull();
  }
}
