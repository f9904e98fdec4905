package dev.greenlight.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.sandbox.SentEnvelope;
import dev.greenlight.sandbox.View;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An approver's click asks Temporal for one thing, the signal, and is acked only once the signal
 * was stored: no read of the gate before it, no card edit around it. Acking first would lose the
 * click if the bot died before the signal; signalling first leaves Slack to redeliver it.
 */
class SignalBeforeAckTest extends ClickFixture {
  /** How long the signal waits for an ack that, wrongly, came before it. */
  private static final Duration EARLY_ACK = Duration.ofMillis(500);

  private final AtomicReference<SentEnvelope> sent = new AtomicReference<>();
  private final List<Boolean> ackedBeforeSignalReturned = new CopyOnWriteArrayList<>();

  @BeforeEach
  void watchTheAckWhileSignalling() {
    incidents.onSignal(
        () -> {
          SentEnvelope e = await().atMost(Duration.ofSeconds(5)).until(sent::get, Objects::nonNull);
          ackedBeforeSignalReturned.add(acksWithin(e, EARLY_ACK));
        });
  }

  @Test
  void anApprovalIsSignalledThenAckedWithNothingElseAskedOrEdited() throws Exception {
    sent.set(slack.clickButton(ALICE, card(ours()), Ids.APPROVE_ACTION));

    ack(sent.get());
    assertThat(incidents.calls).containsExactly("signal");
    assertThat(ackedBeforeSignalReturned).containsExactly(false);
    assertThat(cardEdits()).isZero();
    assertThat(toldTo(ALICE)).isEmpty();
  }

  @Test
  void rejectOpensItsFormWithoutAskingTemporalAndTheReasonIsSignalledBeforeTheAck()
      throws Exception {
    ack(slack.clickButton(ALICE, card(ours()), Ids.REJECT_ACTION));
    View form =
        await().atMost(Duration.ofSeconds(10)).until(slack::views, v -> !v.isEmpty()).get(0);
    assertThat(incidents.calls).isEmpty();

    sent.set(
        slack.submitView(
            ALICE, form, Map.of(Ids.REASON_BLOCK + "." + Ids.REASON_INPUT, "false alarm")));

    assertThat(ack(sent.get()).hasPayload()).as("a plain ack closes the form").isFalse();
    assertThat(incidents.calls).containsExactly("signal");
    assertThat(incidents.signals.get(0).decision().reason()).isEqualTo("false alarm");
    assertThat(ackedBeforeSignalReturned).containsExactly(false);
    assertThat(cardEdits()).isZero();
  }

  @Test
  void aPickedRunbookIsSignalledThenAcked() throws Exception {
    String value = new ButtonValue(WORKFLOW, NONCE, "restart-oom-pods").encode();

    sent.set(slack.selectOption(ALICE, menu(value), Ids.PICK_ACTION, value));

    ack(sent.get());
    assertThat(incidents.calls).containsExactly("signal");
    assertThat(ackedBeforeSignalReturned).containsExactly(false);
    assertThat(cardEdits()).isZero();
  }

  private static boolean acksWithin(SentEnvelope e, Duration wait) {
    try {
      e.ack().get(wait.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException notYet) {
      return false;
    } catch (Exception failed) {
      throw new AssertionError(failed);
    }
  }
}
