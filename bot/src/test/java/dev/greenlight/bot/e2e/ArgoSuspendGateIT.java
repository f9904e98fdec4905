package dev.greenlight.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.bot.sandbox.SimulatedArgo;
import dev.greenlight.bot.slack.Ids;
import dev.greenlight.sandbox.Message;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An Argo suspend gate decided in Slack, end to end: the card, two approvals (not the submitter),
 * then set + resume of that node with the approvers' message; a rejection stops the node; a node
 * resumed outside Greenlight takes the card's buttons away and nothing is sent.
 */
class ArgoSuspendGateIT extends ArgoGateLoop {

  @Test
  void twoApproversResumeTheNodeAndTheThreadFollowsTheWorkflowToItsEnd() throws Exception {
    waiting("ship-approve");
    Message card = awaitButtons("ship-approve");
    String blocks = card.blocks().toString();
    assertThat(blocks)
        .contains(
            "Argo suspend gate", "approve-rollout", "ship-it", "version=1.4.2", "target=prod-eu")
        .contains("Open in the Argo UI", "Resume a high-risk gate?", "<@U0ALICE>");

    click(TestConfig.ALICE, card, Ids.APPROVE_ACTION); // the submitter, on a high-risk gate
    assertThat(awaitEphemeral(TestConfig.ALICE, "someone else")).isNotEmpty();
    click(TestConfig.BOB, card, Ids.APPROVE_ACTION);
    awaitReply(card, "Approved by <@U0BOB> (1 of 2)");
    assertThat(puts("ship-approve")).isEmpty();
    click(DAVE, card, Ids.APPROVE_ACTION);

    List<String> replies = awaitReply(card, "Argo workflow Succeeded");
    assertThat(replies)
        .contains("Resumed in Argo; the node's message and outputs name <@U0BOB>, <@U0DAVE>.");
    List<SimulatedArgo.Call> puts = puts("ship-approve");
    assertThat(puts)
        .extracting(c -> c.path().substring(c.path().lastIndexOf('/') + 1))
        .containsExactly("set", "resume");
    String nodeId = argo.workflow(NS, "ship-approve").gate().id;
    assertThat(puts.get(0).body())
        .contains("\"nodeFieldSelector\":\"id=" + nodeId + "\"")
        .contains("Approved in Slack by U0BOB, U0DAVE")
        .contains("U0BOB,U0DAVE");
    assertThat(puts.get(1).body()).contains("\"nodeFieldSelector\":\"id=" + nodeId + "\"");
    assertThat(argo.workflow(NS, "ship-approve").gate().outputs)
        .containsEntry("approvers", "U0BOB,U0DAVE");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> card(card).blocks().toString(), b -> !b.contains(Ids.APPROVE_ACTION));
    assertThat(card(card).blocks().toString()).contains("Argo workflow succeeded");
  }

  @Test
  void aRejectionStopsTheNodeWithTheReason() throws Exception {
    waiting("ship-reject");
    Message card = awaitButtons("ship-reject");
    reject(TestConfig.BOB, card, "not during the sale");

    awaitReply(card, "Node stopped in Argo");
    List<SimulatedArgo.Call> puts = puts("ship-reject");
    assertThat(puts).hasSize(1);
    assertThat(puts.get(0).path()).endsWith("/stop");
    assertThat(puts.get(0).body()).contains("Rejected in Slack by U0BOB: not during the sale");
    assertThat(argo.workflow(NS, "ship-reject").gate().phase).isEqualTo("Failed");
  }

  @Test
  void resumedOutsideGreenlightTheCardSaysSoItsButtonsGoAndNothingIsSent() throws Exception {
    waiting("ship-outside");
    Message card = awaitButtons("ship-outside");
    argo.resumeOutside(NS, "ship-outside");

    awaitReply(card, "resumed in Argo outside Greenlight");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> card(card).blocks().toString(), b -> b.contains("Decided in Argo"));
    assertThat(card(card).blocks().toString()).doesNotContain(Ids.APPROVE_ACTION);
    click(TestConfig.BOB, card, Ids.APPROVE_ACTION); // a stale click changes nothing
    Thread.sleep(1000);
    assertThat(puts("ship-outside")).isEmpty();
  }
}
