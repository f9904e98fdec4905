package dev.greenlight.action.argo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.action.ActionFailure;
import dev.greenlight.action.argo.GateResult.Outcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Argo suspend gates through the REST API: the waiting nodes of opted-in workflows are found;
 * approve sets the outputs and message then resumes the node, reject stops the node, both with the
 * node's selector only; repeats change nothing, and Argo's "no suspend nodes matching" answer is
 * read as done or decided elsewhere.
 */
class ArgoGatesTest {
  private static final String NS = "deploys";
  private static final String APPROVED = "Approved in Slack by alice, bob";
  private static final String REJECTED = "Rejected in Slack by carol: not during the freeze";
  private static final Map<String, String> OUTPUTS = Map.of("approvers", "alice,bob");

  private final ObjectMapper json = new ObjectMapper();
  private FakeArgoServer argo;
  private ArgoGates gates;
  private FakeWorkflow rollout;
  private FakeWorkflow.Node gate;

  @BeforeEach
  void start() throws Exception {
    argo = new FakeArgoServer();
    gates = new ArgoGates(argo.servers());
    argo.change(
        s -> {
          rollout =
              s.add(
                  NS,
                  "rollout-x7k2q",
                  Map.of(
                      ArgoLabels.GATE, "true",
                      ArgoGates.CREATOR_USERNAME, "dave",
                      ArgoGates.TEMPLATE_LABEL, "rollout"));
          gate = rollout.node("approve-rollout", "Suspend", "Running");
          gate.inputs.put("version", "1.4.2");
          gate.suppliedOutputs.add("approvers");
        });
  }

  @AfterEach
  void stop() throws Exception {
    argo.close();
  }

  private SuspendedNode waitingGate() throws ActionFailure {
    List<SuspendedNode> waiting = gates.waiting("default", NS);
    assertThat(waiting).hasSize(1);
    return waiting.get(0);
  }

  private List<FakeArgoServer.Call> puts() {
    return argo.calls().stream().filter(c -> c.method().equals("PUT")).toList();
  }

  @Test
  void findsOnlyRunningSuspendNodesOfOptedInRunningWorkflows() throws Exception {
    argo.change(
        s -> {
          s.add(NS, "not-opted-in", Map.of()).node("wait", "Suspend", "Running");
          s.add(NS, "already-past", Map.of(ArgoLabels.GATE, "true"))
              .node("wait", "Suspend", "Succeeded");
          FakeWorkflow done = s.add(NS, "done", Map.of(ArgoLabels.GATE, "true"));
          done.node("wait", "Suspend", "Running");
          done.phase = "Failed";
        });

    SuspendedNode found = waitingGate();

    assertThat(found.workflow()).isEqualTo("rollout-x7k2q");
    assertThat(found.workflowUid()).isEqualTo("uid-rollout-x7k2q");
    assertThat(found.nodeId()).isEqualTo(gate.id);
    assertThat(found.displayName()).isEqualTo("approve-rollout");
    assertThat(found.template()).isEqualTo("rollout");
    assertThat(found.inputs()).containsExactly(Map.entry("version", "1.4.2"));
    assertThat(found.outputs()).containsExactly("approvers");
    assertThat(found.creator()).isEqualTo("dave");
    assertThat(argo.calls().get(0).query("listOptions.labelSelector"))
        .isEqualTo("greenlight.dev/gate=true,workflows.argoproj.io/phase=Running");
  }

  @Test
  void approveSetsTheOutputsAndMessageThenResumesTheNodeOnly() throws Exception {
    GateResult result = gates.approve(waitingGate(), OUTPUTS, APPROVED);

    assertThat(result.outcome()).isEqualTo(Outcome.APPLIED);
    List<FakeArgoServer.Call> puts = puts();
    assertThat(puts)
        .extracting(FakeArgoServer.Call::path)
        .containsExactly(
            "/api/v1/workflows/deploys/rollout-x7k2q/set",
            "/api/v1/workflows/deploys/rollout-x7k2q/resume");
    JsonNode set = json.readTree(puts.get(0).body());
    assertThat(set.path("nodeFieldSelector").asText()).isEqualTo("id=" + gate.id);
    assertThat(set.path("message").asText()).isEqualTo(APPROVED);
    assertThat(json.readTree(set.path("outputParameters").asText()).path("approvers").asText())
        .isEqualTo("alice,bob");
    assertThat(json.readTree(puts.get(1).body()).path("nodeFieldSelector").asText())
        .isEqualTo("id=" + gate.id);
    assertThat(gate.phase).isEqualTo("Succeeded");
    assertThat(gate.outputs).containsEntry("approvers", "alice,bob");
    assertThat(rollout.shutdown).as("never a workflow-level stop").isEmpty();
  }

  @Test
  void anApprovalSentAgainAfterACrashChangesNothingMore() throws Exception {
    SuspendedNode waiting = waitingGate();
    gates.approve(waiting, OUTPUTS, APPROVED);
    int before = puts().size();

    GateResult again = gates.approve(waiting, OUTPUTS, APPROVED);

    assertThat(again.outcome()).isEqualTo(Outcome.ALREADY_APPLIED);
    assertThat(again.ours()).isTrue();
    assertThat(puts()).hasSize(before);
  }

  @Test
  void aCrashBetweenSetAndResumeResumesWithoutSettingTheOutputsTwice() throws Exception {
    SuspendedNode waiting = waitingGate();
    argo.change(s -> gate.outputs.put("approvers", "alice,bob"));

    GateResult result = gates.approve(waiting, OUTPUTS, APPROVED);

    assertThat(result.outcome()).isEqualTo(Outcome.APPLIED);
    assertThat(json.readTree(puts().get(0).body()).has("outputParameters")).isFalse();
    assertThat(gate.phase).isEqualTo("Succeeded");
  }

  @Test
  void resumedOutsideGreenlightWhileApprovingIsReadFromTheNodeNotRetried() throws Exception {
    SuspendedNode waiting = waitingGate();
    argo.beforeNextPut(
        () -> {
          gate.phase = "Succeeded";
          gate.message = "Resumed by: map[sub:system:serviceaccount:argo:eve]";
        });

    GateResult result = gates.approve(waiting, OUTPUTS, APPROVED);

    assertThat(result.outcome()).isEqualTo(Outcome.RESUMED_ELSEWHERE);
    assertThat(result.ours()).isFalse();
    assertThat(result.detail()).contains("was resumed outside Greenlight");
    assertThat(puts()).as("the set answered 500, nothing more was sent").hasSize(1);
  }

  @Test
  void rejectStopsTheNodeWithTheReasonAndARepeatChangesNothing() throws Exception {
    SuspendedNode waiting = waitingGate();

    GateResult result = gates.reject(waiting, REJECTED);
    GateResult again = gates.reject(waiting, REJECTED);

    assertThat(result.outcome()).isEqualTo(Outcome.APPLIED);
    assertThat(again.outcome()).isEqualTo(Outcome.ALREADY_APPLIED);
    assertThat(puts())
        .extracting(FakeArgoServer.Call::path)
        .containsExactly("/api/v1/workflows/deploys/rollout-x7k2q/stop");
    JsonNode stop = json.readTree(puts().get(0).body());
    assertThat(stop.path("nodeFieldSelector").asText()).isEqualTo("id=" + gate.id);
    assertThat(stop.path("message").asText()).isEqualTo(REJECTED);
    assertThat(gate.phase).isEqualTo("Failed");
    assertThat(rollout.shutdown).isEmpty();
  }

  @Test
  void aRejectionOfANodeResumedElsewhereSendsNothing() throws Exception {
    SuspendedNode waiting = waitingGate();
    argo.change(s -> gate.phase = "Succeeded");

    GateResult result = gates.reject(waiting, REJECTED);

    assertThat(result.outcome()).isEqualTo(Outcome.RESUMED_ELSEWHERE);
    assertThat(puts()).isEmpty();
  }

  @Test
  void aDeletedWorkflowIsGone() throws Exception {
    SuspendedNode waiting = waitingGate();
    argo.delete(NS, "rollout-x7k2q");

    assertThat(gates.approve(waiting, OUTPUTS, APPROVED).outcome()).isEqualTo(Outcome.GONE);
    assertThat(gates.reject(waiting, REJECTED).outcome()).isEqualTo(Outcome.GONE);
    assertThat(puts()).isEmpty();
  }

  @Test
  void outputsTheNodeDoesNotDeclareAreNotSent() throws Exception {
    argo.change(s -> gate.suppliedOutputs.clear());

    gates.approve(waitingGate(), OUTPUTS, APPROVED);

    assertThat(json.readTree(puts().get(0).body()).has("outputParameters")).isFalse();
    assertThat(gate.phase).isEqualTo("Succeeded");
  }

  @Test
  void aForbiddenSetIsPermanentAndNamesTheVerb() throws Exception {
    SuspendedNode waiting = waitingGate();
    argo.forbid("set");

    ActionFailure f =
        catchThrowableOfType(() -> gates.approve(waiting, OUTPUTS, APPROVED), ActionFailure.class);

    assertThat(f.permanent()).isTrue();
    assertThat(f.getMessage())
        .contains("gate approve-rollout of Argo workflow rollout-x7k2q")
        .contains("check the token's RBAC (update workflows)")
        .doesNotContain(FakeArgoServer.TOKEN);
    assertThat(gate.phase).as("not resumed without its outputs").isEqualTo("Running");
  }

  @Test
  void theNodeSelectorEscapesFieldSelectorSyntax() {
    assertThat(ArgoGates.selector("a,b=c\\d")).isEqualTo("id=a\\,b\\=c\\\\d");
  }
}
