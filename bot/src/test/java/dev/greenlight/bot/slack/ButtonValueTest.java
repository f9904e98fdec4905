package dev.greenlight.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ButtonValueTest {

  @Test
  void roundTripsWorkflowIdAndNonce() {
    ButtonValue v = new ButtonValue("incident-GL-ABCDEFGH", "n-1");
    assertThat(ButtonValue.decode(v.encode())).contains(v);
  }

  @Test
  void foreignOrBrokenValuesAreRejected() {
    assertThat(ButtonValue.decode("not json")).isEmpty();
    assertThat(ButtonValue.decode(null)).isEmpty();
    assertThat(ButtonValue.decode("{\"wf\":\"other-workflow\",\"nonce\":\"n\"}")).isEmpty();
    assertThat(ButtonValue.decode("{\"wf\":\"incident-GL-X\"}")).isEmpty();
  }
}
