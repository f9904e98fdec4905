package dev.greenlight.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A Socket Mode frame's own type, wherever it stands, never a nested one. */
class FrameTypeTest {

  @Test
  void theTopLevelTypeIsReadAfterAPayloadWithTypesOfItsOwn() {
    String frame =
        "{\"envelope_id\":\"e1\",\"payload\":{\"type\":\"block_actions\",\"actions\":[{\"type\":"
            + "\"button\"}],\"message\":{\"blocks\":[{\"type\":\"section\"}]}},\"type\":"
            + "\"interactive\",\"accepts_response_payload\":false}";

    assertThat(FrameType.of(frame)).isEqualTo("interactive");
  }

  @Test
  void helloAndDisconnectAreRecognised() {
    assertThat(FrameType.of("{\"type\":\"hello\",\"num_connections\":1}")).isEqualTo("hello");
    assertThat(FrameType.of("{\"type\":\"disconnect\",\"reason\":\"warning\"}"))
        .isEqualTo("disconnect");
  }

  @Test
  void framesWithoutAStringTypeHaveNone() {
    assertThat(FrameType.of("hello")).isNull();
    assertThat(FrameType.of("{\"envelope_id\":\"e1\"}")).isNull();
    assertThat(FrameType.of("{\"type\":{\"nested\":\"x\"}}")).isNull();
    assertThat(FrameType.of("{\"type\":\"hel")).isNull();
  }
}
