package dev.greenlight.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.bot.slack.RejectModal.Metadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The reject form's private metadata is read back only when it names an incident and a gate. */
class RejectFormMetadataTest {

  @Test
  void whatTheBotWroteReadsBackTheSame() {
    Metadata written = new Metadata("incident-GL-TESTTEST", "nonce-1", "C0CARD", "1700.0001");

    assertThat(Metadata.decode(written.encode())).contains(written);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"wf\":\"incident-GL-NOTREAL0\"",
        "{\"wf\":\"incident-GL-NOTREAL0\"}",
        "{\"wf\":\"billing-7\",\"nonce\":\"n1\"}",
        "[]",
        ""
      })
  void anythingElseIsNotAGreenlightForm(String json) {
    assertThat(Metadata.decode(json)).isEmpty();
  }
}
