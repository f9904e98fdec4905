package dev.greenlight.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.sandbox.Message;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A click whose value Greenlight did not make is answered privately and reaches no workflow. */
class GarbledClickValueTest extends ClickFixture {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "not json at all",
        "{\"wf\":\"incident-GL-TESTTEST\"}",
        "{\"wf\":\"billing-7\",\"nonce\":\"n1\"}",
        "{\"wf\":\"<!channel>\",\"nonce\":\"n1\"}"
      })
  void aGateButtonWithAForgedValueDoesNothingButSaySo(String value) throws Exception {
    Message card = card(value);

    ack(slack.clickButton(MALLORY, card, Ids.APPROVE_ACTION));
    ack(slack.clickButton(MALLORY, card, Ids.SNOOZE_30_ACTION));
    ack(slack.clickButton(MALLORY, card, Ids.REJECT_ACTION));

    assertThat(toldTo(MALLORY))
        .hasSize(3)
        .containsOnly("This button does not carry a Greenlight incident; nothing was done.");
    assertThat(incidents.calls).isEmpty();
    assertThat(slack.views()).isEmpty();
    assertThat(cardEdits()).isZero();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"not json at all", "{\"wf\":\"incident-GL-TESTTEST\",\"nonce\":\"nonce-1\"}"})
  void aMenuOptionWithoutAnIncidentAndRunbookDoesNothingButSaySo(String value) throws Exception {
    ack(slack.selectOption(ALICE, menu(value), Ids.PICK_ACTION, value));

    assertThat(toldTo(ALICE))
        .containsExactly("This menu does not carry a Greenlight incident; nothing was done.");
    assertThat(incidents.calls).isEmpty();
    assertThat(cardEdits()).isZero();
  }
}
