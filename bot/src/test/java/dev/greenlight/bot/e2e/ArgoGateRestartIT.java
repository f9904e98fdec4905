package dev.greenlight.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.bot.slack.Ids;
import dev.greenlight.sandbox.Message;
import org.junit.jupiter.api.Test;

/**
 * Greenlight restarts while a suspend gate's card waits: the watcher of the new process finds the
 * same node and opens no second card; a click on the first card still decides it.
 */
class ArgoGateRestartIT extends ArgoGateLoop {

  @Test
  void aRestartPostsNoSecondCardAndTheFirstCardStillWorks() throws Exception {
    waiting("ship-restart");
    Message card = awaitButtons("ship-restart");

    greenlight.close();
    greenlight = null;
    startGreenlight();
    Thread.sleep(2000); // ten rounds of the new watcher
    assertThat(cards("ship-restart")).hasSize(1);

    reject(TestConfig.BOB, card, "wrong window");
    awaitReply(card, "Node stopped in Argo");
    assertThat(cards("ship-restart")).hasSize(1);
    assertThat(puts("ship-restart")).hasSize(1);
    assertThat(card(card).blocks().toString()).doesNotContain(Ids.APPROVE_ACTION);
  }
}
