package dev.greenlight.bot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.bot.slack.Ids;
import dev.greenlight.sandbox.Message;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's simulated Argo Server has a workflow waiting at a suspend gate: its card is in
 * #argo-gates-simulated, and Bob's approval resumes the node in the simulation.
 */
class SandboxArgoGateIT {

  @Test
  void theDemoSuspendGateIsApprovedFromTheSandbox() throws Exception {
    try (Sandbox sandbox = Sandbox.start(0, Map.of())) {
      Message card =
          await()
              .atMost(Duration.ofSeconds(30))
              .until(
                  () -> sandbox.slack().messages(Sandbox.ARGO_CHANNEL),
                  m -> !m.isEmpty() && m.get(0).blocks().toString().contains(Ids.APPROVE_ACTION))
              .get(0);
      assertThat(card.blocks().toString())
          .contains("Argo suspend gate", "approve-rollout", "simulated by the sandbox");
      assertThat(sandbox.slack().messages(Sandbox.CHANNEL)).isEmpty();

      sandbox
          .slack()
          .clickButton(Sandbox.BOB, card, Ids.APPROVE_ACTION)
          .ack()
          .get(10, TimeUnit.SECONDS);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  sandbox.slack().replies(Sandbox.ARGO_CHANNEL, card.ts()).stream()
                      .map(Message::text)
                      .toList(),
              r -> r.stream().anyMatch(t -> t.contains("Argo workflow Succeeded")));
      assertThat(sandbox.argo().puts())
          .extracting(c -> c.path().substring(c.path().lastIndexOf('/') + 1))
          .containsExactly("set", "resume");
      assertThat(sandbox.argo().workflow("demo", "release-checkout-2-8-0").gate().outputs)
          .containsEntry("approvers", Sandbox.BOB);
    }
  }
}
