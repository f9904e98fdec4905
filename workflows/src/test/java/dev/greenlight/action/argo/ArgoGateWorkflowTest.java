package dev.greenlight.action.argo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.api.ArgoGateCards;
import dev.greenlight.api.Decision;
import dev.greenlight.api.IncidentCard;
import dev.greenlight.api.IncidentResult;
import dev.greenlight.api.Outcome;
import dev.greenlight.api.Risk;
import dev.greenlight.api.ThreadUpdate;
import dev.greenlight.workflows.ArgoGateWorkflow;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Argo suspend gates approved in Slack, below Slack: the watcher opens one gate workflow per
 * waiting node, the gate policy decides, and Argo gets set + resume, or stop, for that node only.
 */
class ArgoGateWorkflowTest extends ArgoGateFixture {

  @Test
  void twoApprovalsSetTheOutputsAndResumeTheNodeThenTheThreadFollowsToTheEnd() {
    FakeWorkflow.Node node = waitingGate("ship-1");
    watcher().round();
    ArgoGateWorkflow wf = gate("ship-1", node);
    String nonce = awaitOpen(wf);

    IncidentCard card = slack.posted.get(0);
    assertThat(ArgoGateCards.is(card)).isTrue();
    assertThat(card.service()).isEqualTo("deploys/ship-1");
    assertThat(card.classification().risk()).isEqualTo(Risk.HIGH);
    assertThat(card.classification().action())
        .isEqualTo(FakeArgoServer.UI + "/workflows/deploys/ship-1");
    assertThat(card.text())
        .contains("Template: ship-it", "version=1.4.2", "target=prod-eu", "alice.dev");
    assertThat(card.requesterId()).isEqualTo(SUBMITTER);

    wf.decide(approve(SUBMITTER, nonce)); // the submitter may not approve high risk
    wf.decide(approve(ALICE, nonce));
    env.sleep(Duration.ofSeconds(1));
    assertThat(argo.calls("PUT", "/resume")).isEmpty();
    assertThat(slack.told).contains(SUBMITTER + ":SELF_APPROVAL");
    wf.decide(approve(BOB, nonce));

    awaitCalls("/resume", 1);
    FakeArgoServer.Call set = argo.calls("PUT", "/set").get(0);
    FakeArgoServer.Call resume = argo.calls("PUT", "/resume").get(0);
    assertThat(set.body())
        .contains("\"nodeFieldSelector\":\"id=" + node.id + "\"")
        .contains("Approved in Slack by U0ALICE, U0BOB")
        .contains("U0ALICE,U0BOB");
    assertThat(resume.body()).contains("\"nodeFieldSelector\":\"id=" + node.id + "\"");
    assertThat(argo.calls().indexOf(set)).isLessThan(argo.calls().indexOf(resume));
    assertThat(node.outputs).containsEntry("approvers", "U0ALICE,U0BOB");

    argo.change(a -> a.workflow(NS, "ship-1").fail("deploy-eu", "exit code 3"));
    IncidentResult r = result(wf);
    assertThat(r.outcome()).isEqualTo(Outcome.ESCALATED);
    assertThat(r.detail()).contains("Failed", "deploy-eu", "exit code 3");
    assertThat(argo.calls("PUT", "/stop")).isEmpty();
  }

  @Test
  void aRejectionStopsTheNodeWithTheReasonAndNeverResumes() {
    FakeWorkflow.Node node = waitingGate("ship-2");
    watcher().round();
    ArgoGateWorkflow wf = gate("ship-2", node);
    String nonce = awaitOpen(wf);
    wf.decide(new Decision(Decision.Verdict.REJECT, ALICE, nonce, "not during the sale", 0, "c1"));

    assertThat(result(wf).outcome()).isEqualTo(Outcome.REJECTED);
    FakeArgoServer.Call stop = argo.calls("PUT", "/stop").get(0);
    assertThat(stop.body())
        .contains("\"nodeFieldSelector\":\"id=" + node.id + "\"")
        .contains("Rejected in Slack by U0ALICE: not during the sale");
    assertThat(argo.calls("PUT", "/resume")).isEmpty();
    assertThat(argo.calls("PUT", "/set")).isEmpty();
    assertThat(node.phase).isEqualTo("Failed");
  }

  @Test
  void expiryStopsTheNodeNeverResumes() {
    FakeWorkflow.Node node = waitingGate("ship-3");
    watcher().round();
    ArgoGateWorkflow wf = gate("ship-3", node);
    awaitOpen(wf);
    env.sleep(Duration.ofMinutes(61));

    assertThat(result(wf).outcome()).isEqualTo(Outcome.EXPIRED);
    // The tier's ladder ran as for an incident: approvers reminded at 15m, on-call at 45m.
    assertThat(slack.thread.stream().map(ThreadUpdate::step))
        .containsSubsequence(
            ThreadUpdate.Step.REMINDER, ThreadUpdate.Step.ESCALATION, ThreadUpdate.Step.EXPIRED);
    assertThat(slack.thread.stream().filter(u -> u.step() == ThreadUpdate.Step.REMINDER))
        .allSatisfy(u -> assertThat(u.people()).contains(ALICE, BOB).doesNotContain(SUBMITTER));
    assertThat(argo.calls("PUT", "/stop")).hasSize(1);
    assertThat(argo.calls("PUT", "/stop").get(0).body()).contains("Expired in Greenlight");
    assertThat(argo.calls("PUT", "/resume")).isEmpty();
    assertThat(argo.calls("PUT", "/set")).isEmpty();
    assertThat(node.phase).isEqualTo("Failed");
  }

  @Test
  void resumedOutsideGreenlightTheCardSaysSoAndNothingIsSent() {
    FakeWorkflow.Node node = waitingGate("ship-4");
    watcher().round();
    ArgoGateWorkflow wf = gate("ship-4", node);
    String nonce = awaitOpen(wf);
    watcher().round(); // still waiting: nothing changes
    assertThat(wf.gate().state()).isEqualTo(dev.greenlight.api.GateState.OPEN);
    argo.change(a -> node.phase = "Succeeded"); // argo resume
    watcher().round();

    IncidentResult r = result(wf);
    assertThat(r.outcome()).isEqualTo(Outcome.RESOLVED);
    assertThat(r.detail()).contains("resumed in Argo outside Greenlight");
    assertThat(slack.last().gate().nonce()).isNull(); // the buttons are gone
    assertThat(slack.last().outcome()).isEqualTo(Outcome.RESOLVED);
    assertThat(puts()).isEmpty();
    assertThat(slack.thread.get(slack.thread.size() - 1).detail())
        .contains("resumed in Argo outside Greenlight");
    assertThat(nonce).isNotNull();
  }

  @Test
  void aDeletedWorkflowClosesTheGate() {
    FakeWorkflow.Node node = waitingGate("ship-5");
    watcher().round();
    ArgoGateWorkflow wf = gate("ship-5", node);
    awaitOpen(wf);
    argo.delete(NS, "ship-5");
    watcher().round();

    IncidentResult r = result(wf);
    assertThat(r.outcome()).isEqualTo(Outcome.RESOLVED);
    assertThat(r.detail()).contains("deleted");
    assertThat(puts()).isEmpty();
  }

  @Test
  void aRestartOrASecondReplicaOpensNoSecondGate() {
    FakeWorkflow.Node node = waitingGate("ship-6");
    watcher().round();
    ArgoGateWorkflow wf = gate("ship-6", node);
    awaitOpen(wf);
    watcher().round(); // a restarted worker
    watcher().round(); // another replica
    env.sleep(Duration.ofSeconds(2));

    assertThat(slack.posted).hasSize(1);
    assertThat(slack.thread.stream().map(ThreadUpdate::step))
        .containsOnlyOnce(ThreadUpdate.Step.AWAITING_APPROVAL);
  }

  @Test
  void aMediumGateNeedsOneApprovalAndSucceeds() {
    argo.change(
        a -> {
          FakeWorkflow w = a.add(NS, "tidy-1", java.util.Map.of("greenlight.dev/gate", "true"));
          w.node("confirm", "Suspend", "Running");
        });
    watcher().round();
    FakeWorkflow.Node node =
        argo.workflow(NS, "tidy-1").nodes.values().stream()
            .filter(n -> n.type.equals("Suspend"))
            .findFirst()
            .orElseThrow();
    ArgoGateWorkflow wf = gate("tidy-1", node);
    String nonce = awaitOpen(wf);
    assertThat(slack.posted.get(0).classification().risk()).isEqualTo(Risk.MEDIUM);
    wf.decide(approve(ALICE, nonce));
    awaitCalls("/resume", 1);
    argo.change(a -> a.workflow(NS, "tidy-1").succeed());

    IncidentResult r = result(wf);
    assertThat(r.outcome()).isEqualTo(Outcome.RECOVERED);
    assertThat(r.detail()).contains("Succeeded");
    // No supplied outputs declared: only the message is set.
    assertThat(argo.calls("PUT", "/set").get(0).body()).doesNotContain("outputParameters");
  }

  private java.util.List<FakeArgoServer.Call> puts() {
    return argo.calls().stream().filter(c -> c.method().equals("PUT")).toList();
  }

  private void awaitCalls(String suffix, int n) {
    long until = System.currentTimeMillis() + 10_000;
    while (argo.calls("PUT", suffix).size() < n && System.currentTimeMillis() < until) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    assertThat(argo.calls("PUT", suffix)).hasSizeGreaterThanOrEqualTo(n);
  }
}
