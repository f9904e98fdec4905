package dev.greenlight.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlackTextTest {

  @Test
  void broadcastsMentionsAndLinksBecomePlainText() {
    String out =
        SlackText.escape("<!channel> <!here> <@U0ALICE> <#C0GENERAL> <https://x.example|y> & more");
    assertThat(out).doesNotContain("<", ">");
    assertThat(out).contains("&lt;!channel&gt;", "&lt;!here&gt;", "&lt;@U0ALICE&gt;", "&amp; more");
  }

  @Test
  void markdownMarkersNoLongerFormat() {
    assertThat(SlackText.escape("*bold* _it_ ~gone~ `code`")).doesNotContain("*", "_", "~", "`");
  }

  @Test
  void quoteCutsLongTextAndQuotesEveryLine() {
    assertThat(SlackText.quote("a\nb", 100)).isEqualTo("> a\n> b");
    assertThat(SlackText.quote("x".repeat(50), 30))
        .hasSize(30)
        .isEqualTo("> " + "x".repeat(16) + SlackText.TRUNCATED);
  }

  @Test
  void aQuoteIsMeasuredAfterEscapingAndNeverSplitsAnEscape() {
    // 2,000 ampersands escape to 10,000 characters: far over a section's 3,000.
    String quoted = SlackText.quote("&".repeat(2000), SlackText.SECTION_TEXT);
    assertThat(quoted)
        .hasSizeLessThanOrEqualTo(SlackText.SECTION_TEXT)
        .endsWith(SlackText.TRUNCATED);
    assertThat(quoted.replace(SlackText.TRUNCATED, "")).endsWith("&amp;");
  }

  @Test
  void newlinesCountAsTheQuoteMarksTheyBecome() {
    String quoted = SlackText.quote("a\n".repeat(2000), SlackText.SECTION_TEXT);
    assertThat(quoted)
        .hasSizeLessThanOrEqualTo(SlackText.SECTION_TEXT)
        .endsWith(SlackText.TRUNCATED);
  }

  @Test
  void onlyWellFormedUserIdsBecomeMentions() {
    assertThat(SlackText.mention("U0ALICE")).isEqualTo("<@U0ALICE>");
    assertThat(SlackText.mention("!channel")).isEqualTo("someone");
    assertThat(SlackText.mention(null)).isEqualTo("someone");
  }

  @Test
  void codeSpansKeepIdentifiersButNotMentionsOrBackticks() {
    assertThat(SlackText.code("HUMAN_GATE <!channel> `x`"))
        .isEqualTo("`HUMAN_GATE &lt;!channel&gt; \u02CBx\u02CB`");
  }
}
