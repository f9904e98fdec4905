package dev.greenlight.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The catch-all listeners match every ID but the known ones, so they never shadow a listener. */
class UnknownInteractionsTest {
  private final Pattern unknown =
      UnknownInteractions.allBut(List.of(Ids.APPROVE_ACTION, Ids.REJECT_ACTION));

  @Test
  void knownIdsAreLeftToTheirListeners() {
    assertThat(unknown.matcher(Ids.APPROVE_ACTION).matches()).isFalse();
    assertThat(unknown.matcher(Ids.REJECT_ACTION).matches()).isFalse();
  }

  @Test
  void everythingElseIsCaught() {
    assertThat(unknown.matcher("greenlight_approve_all").matches()).isTrue();
    assertThat(unknown.matcher("x" + Ids.APPROVE_ACTION).matches()).isTrue();
    assertThat(unknown.matcher("").matches()).isTrue();
  }
}
