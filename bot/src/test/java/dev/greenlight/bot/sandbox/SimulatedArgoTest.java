package dev.greenlight.bot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.action.argo.ArgoGates;
import dev.greenlight.action.argo.ArgoServers;
import dev.greenlight.action.argo.GateResult;
import dev.greenlight.action.argo.SuspendedNode;
import dev.greenlight.config.ArgoServer;
import dev.greenlight.config.ArgoSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The simulated Argo Server answers Greenlight's real Argo client as Argo does: the waiting gate is
 * listed, a decision applies once, and a repeat gets Argo's HTTP 500 "no suspend nodes matching
 * nodeFieldSelector", which the client reads back as already applied.
 */
class SimulatedArgoTest {
  private final SimulatedArgo argo;
  private final ArgoGates gates;

  SimulatedArgoTest() throws Exception {
    argo = SimulatedArgo.start();
    ArgoServer server =
        new ArgoServer(argo.baseUrl(), null, null, null, false, Duration.ofMillis(50));
    gates =
        new ArgoGates(
            ArgoServers.from(
                new ArgoSettings(Map.of("sim", server)), Map.of(), new OkHttpClient()));
  }

  @AfterEach
  void stop() {
    argo.close();
  }

  @Test
  void theDemoGateIsListedWithItsFactsAndAnApprovalAppliesOnce() throws Exception {
    argo.seedDemo();
    List<SuspendedNode> waiting = gates.waiting("sim", "demo");
    assertThat(waiting).hasSize(1);
    SuspendedNode node = waiting.get(0);
    assertThat(node.displayName()).isEqualTo("approve-rollout");
    assertThat(node.template()).isEqualTo("ship-checkout");
    assertThat(node.creator()).isEqualTo("alice");
    assertThat(node.inputs()).containsEntry("target", "prod-eu");
    assertThat(node.outputs()).containsExactly("approvers");
    assertThat(node.parameters()).containsEntry("version", "2.8.0");

    GateResult first =
        gates.approve(node, Map.of("approvers", "U0BOB"), "Approved in Slack by U0BOB");
    GateResult again =
        gates.approve(node, Map.of("approvers", "U0BOB"), "Approved in Slack by U0BOB");
    assertThat(first.outcome()).isEqualTo(GateResult.Outcome.APPLIED);
    assertThat(again.outcome()).isEqualTo(GateResult.Outcome.ALREADY_APPLIED);
    assertThat(gates.waiting("sim", "demo")).isEmpty();
    assertThat(argo.puts())
        .extracting(c -> c.path().substring(c.path().lastIndexOf('/') + 1))
        .containsExactly("set", "resume");
  }

  @Test
  void aNodeResumedOutsideIsToldApartFromGreenlightsOwnDecision() throws Exception {
    argo.seedDemo();
    SuspendedNode node = gates.waiting("sim", "demo").get(0);
    argo.resumeOutside("demo", "release-checkout-2-8-0");
    assertThat(gates.reject(node, "Rejected in Slack by U0BOB: no").outcome())
        .isEqualTo(GateResult.Outcome.RESUMED_ELSEWHERE);
    assertThat(argo.puts()).isEmpty(); // read first: nothing was sent
  }
}
