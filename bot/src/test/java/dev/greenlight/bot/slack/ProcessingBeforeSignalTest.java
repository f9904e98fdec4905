package dev.greenlight.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A click that closes the gate marks the card "Processing…" before the signal is sent, so the edit
 * can never land after (and overwrite) the final card the workflow draws.
 */
class ProcessingBeforeSignalTest extends ClickFixture {
  private final List<Long> editsWhenSignalled = new CopyOnWriteArrayList<>();

  @BeforeEach
  void countEditsAtEachSignal() {
    incidents.onSignal(() -> editsWhenSignalled.add(processingEdits()));
  }

  @Test
  void theClosingApprovalEditsTheCardBeforeItIsSignalled() throws Exception {
    incidents.showing(Optional.of(FakeIncidents.openGate(NONCE, 1, List.of(ALICE), false)));

    ack(slack.clickButton(ALICE, card(ours()), Ids.APPROVE_ACTION));

    assertThat(editsWhenSignalled).containsExactly(1L);
  }

  @Test
  void aSubmittedRejectFormEditsTheCardBeforeItIsSignalled() throws Exception {
    incidents.showing(Optional.of(FakeIncidents.openGate(NONCE, 1, List.of(ALICE), false)));

    reject(ALICE, card(ours()), "false alarm");

    assertThat(editsWhenSignalled).containsExactly(1L);
  }

  @Test
  void anApprovalThatLeavesTheGateOpenKeepsTheButtons() throws Exception {
    incidents.showing(Optional.of(FakeIncidents.openGate(NONCE, 2, List.of(ALICE), false)));

    ack(slack.clickButton(ALICE, card(ours()), Ids.APPROVE_ACTION));

    assertThat(editsWhenSignalled).containsExactly(0L);
    assertThat(processingEdits()).isZero();
  }
}
