package dev.greenlight.action.argo;

import static dev.greenlight.action.argo.ArgoFixtures.NS;
import static dev.greenlight.action.argo.ArgoFixtures.RUNBOOK;
import static dev.greenlight.action.argo.ArgoFixtures.TEMPLATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.greenlight.action.ActionKinds;
import dev.greenlight.activities.RemediationActivities;
import dev.greenlight.activities.RemediationActivitiesImpl;
import dev.greenlight.api.ActionResult;
import dev.greenlight.api.Proposal;
import dev.greenlight.config.ConfigLoader;
import dev.greenlight.config.GreenlightConfig;
import dev.greenlight.config.Runbook;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code argo} kinds behind the real remediation activities in Temporal's activity test
 * environment (the verifier is tested directly: this environment's activities see another workflow
 * ID): a retried activity adopts the first workflow, a failed workflow is a non-retryable {@code
 * ActionRefused}, and the activity's heartbeats name the workflow.
 */
class ArgoThroughActivitiesTest {
  private final List<String> heartbeats = new CopyOnWriteArrayList<>();
  private FakeArgoServer argo;
  private TestActivityEnvironment env;
  private RemediationActivities activities;
  private Runbook runbook;

  @BeforeEach
  void start() throws Exception {
    argo = new FakeArgoServer().template(NS, TEMPLATE);
    GreenlightConfig base =
        ConfigLoader.parse(
            """
            services: [checkout-api]
            approvers: [U0ALICE]
            on-call: U0CAROL
            runbooks:
              - id: placeholder
                label: oom-killed
                risk: medium
                examples: [pods OOMKilled]
                action: {url: 'http://127.0.0.1:9/'}
                verify: {url: 'http://127.0.0.1:9/'}
            """,
            "test");
    Runbook first = base.runbooks().get(0);
    runbook =
        new Runbook(
            RUNBOOK,
            first.label(),
            first.risk(),
            first.description(),
            first.examples(),
            ArgoFixtures.action(),
            ArgoFixtures.followAction(),
            first.approvers());
    GreenlightConfig config =
        new GreenlightConfig(
            base.services(),
            base.policy(),
            base.approvers(),
            base.onCall(),
            base.channel(),
            List.of(runbook),
            base.classifier(),
            base.approvals(),
            base.argo());
    ArgoServers servers = argo.servers();
    servers.requireAll(config.runbooks());
    ActionKinds kinds =
        ActionKinds.builder()
            .executor(new ArgoActionExecutor(servers))
            .verifier(new ArgoVerifier(servers))
            .build();
    env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(new RemediationActivitiesImpl(config, kinds));
    env.setActivityHeartbeatListener(String.class, heartbeats::add);
    // One attempt per call: a test calls again to play Temporal's retry.
    activities =
        env.newActivityStub(
            RemediationActivities.class,
            ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofSeconds(20))
                .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
                .build());
  }

  @AfterEach
  void stop() throws Exception {
    env.close();
    argo.close();
  }

  private String approved() {
    String line = runbook.action().describe(Map.of("service", "checkout-api", "incident", "GL-7"));
    return Proposal.hash(RUNBOOK, runbook.label(), line);
  }

  @Test
  void aRetriedActivityAfterALostSubmitReplyAdoptsTheWorkflow() {
    argo.plan(TEMPLATE, 1, FakeWorkflow::succeed).loseSubmitReply();

    // The test environment runs one attempt per call; the second call is Temporal's retry.
    ActivityFailure first =
        catchThrowableOfType(
            () ->
                activities.remediate("incident-GL-7", "GL-7", RUNBOOK, "checkout-api", approved()),
            ActivityFailure.class);
    ApplicationFailure cause = (ApplicationFailure) first.getCause();
    assertThat(cause.getType()).isEqualTo(RemediationActivities.ACTION_SERVER_ERROR);
    assertThat(cause.isNonRetryable()).isFalse();

    ActionResult result =
        activities.remediate("incident-GL-7", "GL-7", RUNBOOK, "checkout-api", approved());

    assertThat(argo.submits()).hasSize(1);
    String name = argo.workflows().get(0).name;
    assertThat(result.summary()).startsWith("Argo workflow " + name + " Succeeded");
    assertThat(result.idempotencyKey()).isEqualTo("incident-GL-7:" + RUNBOOK);
    assertThat(heartbeats).contains("adopted Argo workflow " + name);
  }

  @Test
  void aFailedWorkflowIsANonRetryableRefusalWithTheNodesMessage() {
    argo.plan(TEMPLATE, 0, w -> w.fail("restart-pods", "OOMKilled (exit code 137)"));

    ActivityFailure failure =
        catchThrowableOfType(
            () ->
                activities.remediate("incident-GL-7", "GL-7", RUNBOOK, "checkout-api", approved()),
            ActivityFailure.class);

    ApplicationFailure cause = (ApplicationFailure) failure.getCause();
    assertThat(cause.getType()).isEqualTo(RemediationActivities.ACTION_REFUSED);
    assertThat(cause.isNonRetryable()).isTrue();
    assertThat(cause.getOriginalMessage())
        .contains("failed at node 'restart-pods': OOMKilled (exit code 137)");
    assertThat(argo.calls("GET", "/" + argo.workflows().get(0).name))
        .as("one attempt: a failed workflow is never followed or submitted again")
        .hasSize(1);
  }
}
