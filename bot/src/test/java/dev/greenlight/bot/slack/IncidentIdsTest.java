package dev.greenlight.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IncidentIdsTest {

  @Test
  void sameRequestGivesSameIdAndOtherRequestsDiffer() {
    String a = IncidentIds.fromTrigger("T1", "123.456.abc");
    assertThat(a).matches("GL-[A-Z2-9]{8}");
    assertThat(IncidentIds.fromTrigger("T1", "123.456.abc")).isEqualTo(a);
    assertThat(IncidentIds.fromTrigger("T1", "123.456.abd")).isNotEqualTo(a);
    assertThat(IncidentIds.fromTrigger("T2", "123.456.abc")).isNotEqualTo(a);
  }

  @Test
  void missingTriggerIdIsRefused() {
    assertThatThrownBy(() -> IncidentIds.fromTrigger("T1", "")).hasMessageContaining("trigger_id");
  }
}
