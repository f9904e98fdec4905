package dev.greenlight.rails;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BreakerCountTest {
  private static BreakerState failuresAt(long... at) {
    BreakerState s = BreakerState.EMPTY;
    for (int i = 0; i < at.length; i++) {
      s = s.withFailure(new BreakerState.Failure("GL-" + i, at[i]));
    }
    return s;
  }

  @Test
  void opensAtKWithinTheWindowAndClosesWhenTheKthLatestLeavesIt() {
    BreakerState s = failuresAt(1_000, 2_000, 3_000);
    assertThat(BreakerCount.at(s, 3, 10, 3_000, "svc", "rb")).isPresent();
    assertThat(BreakerCount.at(s, 3, 10, 3_000, "svc", "rb").get().untilMillis()).isEqualTo(11_000);
    assertThat(BreakerCount.at(s, 3, 10, 11_000, "svc", "rb")).isEmpty();
    assertThat(BreakerCount.at(s, 4, 10, 3_000, "svc", "rb")).isEmpty();
  }

  @Test
  void aResetForgetsEarlierFailuresAndAnIncidentCountsOnce() {
    BreakerState s = failuresAt(1_000, 2_000).reset("U0ALICE", 2_500);
    assertThat(BreakerCount.at(s, 2, 60, 3_000, "svc", "rb")).isEmpty();
    BreakerState again =
        s.withFailure(new BreakerState.Failure("GL-9", 2_600))
            .withFailure(new BreakerState.Failure("GL-9", 2_700));
    assertThat(again.failures()).hasSize(3);
    assertThat(BreakerCount.at(again, 2, 60, 3_000, "svc", "rb")).isEmpty();
  }

  @Test
  void signalsSentWithTheStartSurviveTheHandOver() {
    BreakerState handedOver = failuresAt(1_000);
    BreakerState early = BreakerState.EMPTY.withFailure(new BreakerState.Failure("GL-X", 2_000));
    assertThat(handedOver.then(early).failures())
        .extracting(BreakerState.Failure::incidentId)
        .isEqualTo(List.of("GL-0", "GL-X"));
  }
}
