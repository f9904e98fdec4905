package dev.greenlight.bot.durability;

import static dev.greenlight.bot.e2e.TestConfig.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.bot.e2e.TestDirs;
import dev.greenlight.bot.sandbox.SimulatedCluster;
import dev.greenlight.bot.slack.Ids;
import dev.greenlight.workflows.RemediationWorkflow;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A worker killed with SIGKILL in the middle of a Kubernetes rollout restart (the API server has
 * applied the patch, the worker never heard back) and replaced: the retry finds the idempotency key
 * on the Deployment and restarts nothing again. Temporal would retry the lost attempt after the
 * activity's 5-minute start-to-close timeout; the test fails that attempt at once instead (as the
 * timeout would), to stay short.
 */
class KubernetesWorkerKillIT extends DurabilityFixture {
  private static final String TEXT = "pods in CrashLoopBackOff, readiness probe failing";
  private SimulatedCluster cluster;
  private Map<String, String> kube;

  @BeforeAll
  void startCluster() throws Exception {
    cluster = SimulatedCluster.start();
    Path kubeconfig = TestDirs.file("greenlight-kubeconfig", ".yml");
    Files.writeString(
        kubeconfig,
        """
        apiVersion: v1
        kind: Config
        clusters: [{name: simulated, cluster: {server: "%s"}}]
        users: [{name: nobody, user: {}}]
        contexts: [{name: simulated, context: {cluster: simulated, user: nobody}}]
        current-context: simulated
        """
            .formatted(cluster.url()));
    kube = Map.of("KUBECONFIG", kubeconfig.toString());
    replaceConfig(
        """
        services: [orders-api]
        approvers: [U0ALICE, U0BOB]
        on-call: U0CAROL
        runbooks:
          - id: restart-crashlooping
            label: crashlooping
            risk: medium
            examples: ["pods in CrashLoopBackOff, readiness probe failing"]
            action:
              type: kubernetes
              namespace: simulated
              kind: deployment
              name: "{service}"
              rollout-restart: {}
            verify:
              type: kubernetes-rollout
              namespace: simulated
              kind: deployment
              name: "{service}"
              timeout: 30s
              interval: 1s
        """);
  }

  @AfterAll
  void stopCluster() {
    cluster.close();
  }

  @Test
  void aWorkerKilledMidRestartIsReplacedAndTheDeploymentIsRestartedOnce() throws Exception {
    String channel = "C0K8SKILL";
    GreenlightProcess worker = spawnWorker(kube);
    GreenlightProcess bot = spawnBot();
    awaitWorker(worker);
    awaitBot(bot);
    String incidentId = startIncident("U0DAVE", channel, SimulatedCluster.SERVICE + " " + TEXT);
    CountDownLatch patched =
        cluster.holdReplyOnce("PATCH", p -> p.endsWith("/deployments/" + SimulatedCluster.SERVICE));
    slack.clickButton(ALICE, awaitButtons(channel), Ids.APPROVE_ACTION);

    assertThat(patched.await(PATIENCE.toSeconds(), TimeUnit.SECONDS))
        .as("the restart patch reached the API server\n" + logs())
        .isTrue();
    worker.killHard();
    GreenlightProcess replacement = spawnWorker(kube);
    awaitWorker(replacement);
    failTheKilledAttempt(RemediationWorkflow.workflowId(incidentId));

    List<String> replies = awaitReply(channel, "Recovered");
    assertThat(replies)
        .anyMatch(r -> r.contains("already restarted under this approval"))
        .filteredOn(r -> r.startsWith("Remediation started"))
        .hasSize(1);
    List<String> restarts =
        cluster.requests().stream()
            .filter(r -> r.startsWith("PATCH ") && !r.contains("dryRun=All"))
            .filter(r -> r.contains("restartedAt"))
            .toList();
    assertThat(restarts).as("restart patches that were not dry runs").hasSize(1);
    assertThat(restarts.get(0)).contains("incident-" + incidentId + ":restart-crashlooping");
  }

  /** What the start-to-close timeout would do, minutes later: the lost attempt fails. */
  private void failTheKilledAttempt(String workflowId) throws Exception {
    var client = temporal.client();
    List<PendingActivityInfo> pending =
        client
            .getWorkflowServiceStubs()
            .blockingStub()
            .describeWorkflowExecution(
                DescribeWorkflowExecutionRequest.newBuilder()
                    .setNamespace(client.getOptions().getNamespace())
                    .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
                    .build())
            .getPendingActivitiesList();
    PendingActivityInfo remediate =
        pending.stream()
            .filter(a -> a.getActivityType().getName().equals("Remediate"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no pending remediation: " + pending));
    client
        .newActivityCompletionClient()
        .completeExceptionally(
            workflowId,
            Optional.empty(),
            remediate.getActivityId(),
            new IllegalStateException("the worker running this attempt was killed"));
  }
}
