package dev.greenlight.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.api.CardRef;
import dev.greenlight.api.ThreadUpdate;
import dev.greenlight.sandbox.Message;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Slack refuses the incident's channel for good: the card goes to the fallback channel, else to a
 * direct message with the requester and on-call; updates are relayed there; a revoked token posts
 * nothing anywhere. Through the real Slack SDK and the sandbox's fault injection.
 */
class PermanentSlackErrorFallbackTest extends NotifierFixture {

  private String dmWithRequesterAndOnCall() throws Exception {
    return GreenlightApp.slack(slack.apiUrl())
        .methods(slack.botToken())
        .conversationsOpen(r -> r.users(List.of(REQUESTER, ON_CALL)))
        .getChannel()
        .getId();
  }

  @Test
  void aCardRefusedByItsChannelIsPostedWithItsButtonsInTheFallbackChannel() {
    slack.faults().failMethodIn("chat.postMessage", "C0GONE", "channel_not_found");

    CardRef ref = notifier("C0FALLBACK", Attempt.FIRST).postCard("C0GONE", card("GL-1"));

    assertThat(ref.channel()).isEqualTo("C0FALLBACK");
    Message posted = slack.messages("C0FALLBACK").get(0);
    assertThat(posted.ts()).isEqualTo(ref.ts());
    assertThat(posted.blocks().toString()).contains(Ids.APPROVE_ACTION);
    assertThat(slack.replies("C0FALLBACK", ref.ts()))
        .singleElement()
        .satisfies(m -> assertThat(m.text()).contains("<#C0GONE>", "channel_not_found", "GL-1"));
    assertThat(slack.messages("C0GONE")).isEmpty();
  }

  @Test
  void withoutAFallbackChannelTheRequesterAndOnCallAreToldByDirectMessage() throws Exception {
    slack.faults().failMethodIn("chat.postMessage", "C0PRIVATE", "not_in_channel");

    CardRef ref = notifier("", Attempt.FIRST).postCard("C0PRIVATE", card("GL-2"));

    String dm = dmWithRequesterAndOnCall();
    assertThat(ref.channel()).isEqualTo(dm);
    assertThat(slack.messages(dm).get(0).blocks().toString()).contains(Ids.APPROVE_ACTION);
  }

  @Test
  void aFallbackChannelThatRefusesTooFallsBackToTheDirectMessage() throws Exception {
    slack.faults().failMethodIn("chat.postMessage", "C0GONE", "channel_not_found");
    slack.faults().failMethodIn("chat.postMessage", "C0ALSOGONE", "is_archived");

    CardRef ref = notifier("C0ALSOGONE", Attempt.FIRST).postCard("C0GONE", card("GL-3"));

    assertThat(ref.channel()).isEqualTo(dmWithRequesterAndOnCall());
  }

  @Test
  void aCardWhoseBlocksSlackRefusesIsToldAsTextInTheFallbackPlace() {
    slack.faults().failMethodIn("chat.postMessage", "C0OPS", "invalid_blocks");

    CardRef ref = notifier("C0FALLBACK", Attempt.FIRST).postCard("C0OPS", card("GL-4"));

    Message text = slack.message("C0FALLBACK", ref.ts()).orElseThrow();
    assertThat(text.blocks()).isEmpty();
    assertThat(text.text()).contains("invalid_blocks", "Incident GL-4 on checkout-api");
  }

  @Test
  void aRevokedTokenPostsNothingAnywhereAndFailsForGood() {
    slack.faults().failMethod("chat.postMessage", "token_revoked");

    assertThatThrownBy(() -> notifier("C0FALLBACK", Attempt.FIRST).postCard("C0OPS", card("GL-5")))
        .isInstanceOfSatisfying(
            ApplicationFailure.class, f -> assertThat(f.isNonRetryable()).isTrue())
        .hasMessageContaining("token_revoked");
    assertThat(slack.calls("conversations.open")).isEmpty();
    assertThat(slack.messages("C0FALLBACK")).isEmpty();
  }

  @Test
  void aThreadReplyRefusedByAGoneChannelIsRelayedAndTheFailureSaysWhere() throws Exception {
    SlackNotifier n = notifier("", Attempt.FIRST);
    CardRef ref = n.postCard("C0OPS", card("GL-6"));
    slack.faults().failMethodIn("chat.postMessage", "C0OPS", "channel_not_found");

    assertThatThrownBy(
            () ->
                n.postUpdate(
                    ref,
                    card("GL-6"),
                    new ThreadUpdate(ThreadUpdate.Step.RECOVERED, null, "HTTP 200")))
        .isInstanceOfSatisfying(
            ApplicationFailure.class, f -> assertThat(f.isNonRetryable()).isTrue())
        .hasMessageContaining("channel_not_found")
        .hasMessageContaining("told a direct message to " + REQUESTER + ", " + ON_CALL);
    Message relayed = slack.messages(dmWithRequesterAndOnCall()).get(0);
    assertThat(relayed.text()).contains("GL-6", "<#C0OPS>", "channel_not_found");
  }

  @Test
  void theCardsLastStateIsRelayedButAnIntermediateUpdateIsOnlyRecorded() throws Exception {
    SlackNotifier n = notifier("C0FALLBACK", Attempt.FIRST);
    CardRef ref = n.postCard("C0OPS", card("GL-7"));
    slack.faults().failMethodIn("chat.update", "C0OPS", "channel_not_found");

    assertThatThrownBy(() -> n.updateCard(ref, card("GL-7")))
        .hasMessageContaining("channel_not_found")
        .hasMessageNotContaining("instead");
    assertThat(slack.messages("C0FALLBACK")).isEmpty();
    assertThatThrownBy(() -> n.updateCard(ref, ended("GL-7")))
        .hasMessageContaining("told the fallback channel C0FALLBACK instead");
    assertThat(slack.messages("C0FALLBACK"))
        .singleElement()
        .satisfies(m -> assertThat(m.text()).contains("GL-7", "Recovered"));
  }
}
