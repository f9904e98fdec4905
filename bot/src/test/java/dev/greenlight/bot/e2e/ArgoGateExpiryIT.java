package dev.greenlight.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.bot.sandbox.SimulatedArgo;
import dev.greenlight.bot.slack.Ids;
import dev.greenlight.sandbox.Message;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Nobody decides an Argo suspend gate in time: the node is stopped, never resumed. */
class ArgoGateExpiryIT extends ArgoGateLoop {
  @Override
  String approvalTimeout() {
    return "3s";
  }

  @Test
  void anExpiredGateStopsTheNodeAndNeverResumesIt() throws Exception {
    waiting("ship-expire");
    Message card = awaitButtons("ship-expire");

    awaitReply(card, "Node stopped in Argo (expired, never resumed)");
    List<SimulatedArgo.Call> puts = puts("ship-expire");
    assertThat(puts).hasSize(1);
    assertThat(puts.get(0).path()).endsWith("/stop");
    assertThat(puts.get(0).body()).contains("Expired in Greenlight");
    assertThat(argo.workflow(NS, "ship-expire").gate().phase).isEqualTo("Failed");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> card(card).blocks().toString(), b -> b.contains("never resumed"));
    assertThat(card(card).blocks().toString()).doesNotContain(Ids.APPROVE_ACTION);
  }
}
