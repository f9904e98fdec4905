package dev.greenlight.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.api.CardRef;
import dev.greenlight.api.ThreadUpdate;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A retry after a lost reply finds the earlier card or thread reply by its message metadata and
 * adopts it instead of posting again; through the real Slack SDK and the sandbox.
 */
class EarlierPostAdoptedTest extends NotifierFixture {
  private static final ThreadUpdate REMINDER =
      new ThreadUpdate(ThreadUpdate.Step.REMINDER, null, null, List.of("U0ALICE"));

  @Test
  void aRetriedCardPostAdoptsTheCardAnEarlierAttemptPosted() {
    CardRef first = notifier("", Attempt.FIRST).postCard("C0OPS", card("GL-1"));
    notifier("", Attempt.FIRST).postCard("C0OPS", card("GL-OTHER"));

    CardRef again = notifier("", retry(System.currentTimeMillis())).postCard("C0OPS", card("GL-1"));

    assertThat(again).isEqualTo(first);
    assertThat(slack.messages("C0OPS")).hasSize(2);
    assertThat(slack.messages("C0OPS").get(0).metadata().toString())
        .contains("greenlight_incident", "GL-1");
  }

  @Test
  void aRetryWithNoEarlierCardPostsOne() {
    CardRef ref = notifier("", retry(System.currentTimeMillis())).postCard("C0OPS", card("GL-2"));
    assertThat(slack.messages("C0OPS"))
        .singleElement()
        .satisfies(m -> assertThat(m.ts()).isEqualTo(ref.ts()));
    // One read before posting (nothing found), one after (no late copy to strip).
    assertThat(slack.calls("conversations.history")).hasSize(2);
  }

  @Test
  void aFirstAttemptReadsNoHistory() {
    notifier("", Attempt.FIRST).postCard("C0OPS", card("GL-3"));
    assertThat(slack.calls("conversations.history")).isEmpty();
  }

  @Test
  void aRetriedReplyIsNotPostedTwiceButAnOlderIdenticalOneDoesNotCount() throws Exception {
    CardRef ref = notifier("", Attempt.FIRST).postCard("C0OPS", card("GL-4"));
    notifier("", Attempt.FIRST).postUpdate(ref, card("GL-4"), REMINDER);
    long afterFirstReminder = System.currentTimeMillis() + EarlierPosts.SKEW_MILLIS + 1000;

    // A retry of that same reminder adopts it ...
    notifier("", retry(System.currentTimeMillis())).postUpdate(ref, card("GL-4"), REMINDER);
    assertThat(slack.replies("C0OPS", ref.ts())).hasSize(1);
    // ... but a later reminder with the same words, first tried after it, is posted.
    notifier("", retry(afterFirstReminder)).postUpdate(ref, card("GL-4"), REMINDER);
    assertThat(slack.replies("C0OPS", ref.ts())).hasSize(2);
  }

  @Test
  void aDifferentReplyAfterTheLatestIsPosted() throws Exception {
    CardRef ref = notifier("", Attempt.FIRST).postCard("C0OPS", card("GL-5"));
    notifier("", Attempt.FIRST).postUpdate(ref, card("GL-5"), REMINDER);
    notifier("", retry(System.currentTimeMillis()))
        .postUpdate(ref, card("GL-5"), new ThreadUpdate(ThreadUpdate.Step.APPROVED, "U0A", null));
    assertThat(slack.replies("C0OPS", ref.ts())).hasSize(2);
  }

  @Test
  void aHistoryThatCannotBeReadForNowFailsTheRetryRatherThanRiskADuplicate() {
    notifier("", Attempt.FIRST).postCard("C0OPS", card("GL-6"));
    slack.faults().failMethodFor("conversations.history", 503, java.time.Duration.ofSeconds(30));

    assertThatThrownBy(
            () -> notifier("", retry(System.currentTimeMillis())).postCard("C0OPS", card("GL-6")))
        .isInstanceOfSatisfying(
            ApplicationFailure.class, f -> assertThat(f.isNonRetryable()).isFalse());
    assertThat(slack.messages("C0OPS")).hasSize(1);
  }

  @Test
  void aHistoryRefusedForGoodPostsAgainAndSaysSoInTheLog() {
    notifier("", Attempt.FIRST).postCard("C0OPS", card("GL-7"));
    slack.faults().failMethod("conversations.history", "missing_scope");

    notifier("", retry(System.currentTimeMillis())).postCard("C0OPS", card("GL-7"));
    assertThat(slack.messages("C0OPS")).hasSize(2);
  }

  @Test
  void aClickOnACopyOfTheCardTakesTheCopysButtonsAway() {
    CardRef copy = notifier("", Attempt.FIRST).postCard("C0OPS", card("GL-8"));
    CardRef own = notifier("", Attempt.FIRST).postCard("C0OPS", card("GL-8"));
    CardRef other = notifier("", Attempt.FIRST).postCard("C0OPS", card("GL-OTHER"));

    notifier("", Attempt.FIRST)
        .tellUser(
            own,
            "U0ALICE",
            new dev.greenlight.api.Refusal(
                dev.greenlight.api.Refusal.Reason.NOT_THIS_CARD, List.of()));

    var stripped = slack.message("C0OPS", copy.ts()).orElseThrow();
    assertThat(stripped.blocks()).isEmpty();
    assertThat(stripped.text()).isEqualTo(Orphans.TEXT);
    assertThat(slack.message("C0OPS", own.ts()).orElseThrow().blocks().toString())
        .contains(Ids.APPROVE_ACTION);
    assertThat(slack.message("C0OPS", other.ts()).orElseThrow().blocks().toString())
        .contains(Ids.APPROVE_ACTION);
  }
}
