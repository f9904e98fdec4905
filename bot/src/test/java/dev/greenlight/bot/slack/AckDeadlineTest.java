package dev.greenlight.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A call that outlasts the ack is left running when connected, and cut off when not. */
class AckDeadlineTest {
  private static final Duration BUDGET = Duration.ofMillis(200);

  @Test
  void theShippedBudgetLeavesRoomUnderSlacksThreeSecondAckDeadline() {
    assertThat(AckDeadline.BUDGET).isLessThanOrEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void aSlowCallWhileConnectedGoesOnPastTheAckAndEndsLater() throws Exception {
    AckDeadline d = new AckDeadline(BUDGET, () -> true);

    AckDeadline.Exceeded x =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            () ->
                d.runOrContinue(
                    () -> {
                      Thread.sleep(600);
                      return "started";
                    },
                    Duration.ofSeconds(5)),
            AckDeadline.Exceeded.class);

    assertThat(x.reached()).isTrue();
    assertThat(x.stillRunning()).isNotNull();
    assertThat(x.stillRunning().get(5, TimeUnit.SECONDS)).isEqualTo("started");
  }

  @Test
  void aSlowCallWhileNotConnectedIsCutOffAndNotLeftRunning() {
    AckDeadline d = new AckDeadline(BUDGET, () -> false);

    assertThatThrownBy(
            () ->
                d.runOrContinue(
                    () -> {
                      Thread.sleep(600);
                      return "started";
                    },
                    Duration.ofSeconds(5)))
        .isInstanceOfSatisfying(
            AckDeadline.Exceeded.class,
            x -> {
              assertThat(x.reached()).isFalse();
              assertThat(x.stillRunning()).isNull();
            });
  }

  @Test
  void aQuickCallAnswersAndItsFailureIsItsOwn() {
    AckDeadline d = new AckDeadline(BUDGET, () -> true);

    assertThat(d.runOrContinue(() -> "ok", Duration.ofSeconds(5))).isEqualTo("ok");
    assertThatThrownBy(
            () ->
                d.runOrContinue(
                    () -> {
                      throw new IllegalStateException("refused");
                    },
                    Duration.ofSeconds(5)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("refused");
  }
}
