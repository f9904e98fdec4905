package dev.greenlight.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.greenlight.config.ConfigLoader;
import org.junit.jupiter.api.Test;

/**
 * The share of a report's words that one reference line contains (the reference's lexical side).
 */
class LexiconShareTest {
  private final Lexicon lexicon = new Lexicon(ConfigLoader.loadDemo().runbooks());

  @Test
  void theShareCountsTheReportsWordsFoundInTheLine() {
    double redis = lexicon.share("cache-02 redis server is down, connection refused", "Redis down");
    double rejected =
        lexicon.share(
            "cache-02 redis server is down, connection refused", "Redis rejected connections");

    assertThat(redis).isGreaterThan(0).isLessThan(rejected);
    assertThat(rejected).isLessThan(1);
    assertThat(lexicon.share("RedisDown", "Redis down")).isCloseTo(1, within(1e-9));
  }

  @Test
  void typosAndInflectionsMatchByTheirFirstFiveLetters() {
    assertThat(lexicon.share("replicaton", "Redis replication broken")).isCloseTo(1, within(1e-9));
    assertThat(lexicon.share("replicaton brkn", "Redis replication broken"))
        .isGreaterThan(0)
        .isLessThan(1);
    assertThat(lexicon.share("connections refused", "Redis rejected connection")).isGreaterThan(0);
  }

  @Test
  void nothingInCommonOrNoWordsIsZero() {
    assertThat(lexicon.share("disk almost full on node-3", "Redis down")).isZero();
    assertThat(lexicon.share("the a of", "Redis down")).isZero();
  }
}
