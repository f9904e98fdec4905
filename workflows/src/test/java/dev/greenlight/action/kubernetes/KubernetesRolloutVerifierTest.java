package dev.greenlight.action.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.greenlight.action.ActionFailure;
import dev.greenlight.api.VerificationResult;
import dev.greenlight.config.VerifySpec;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code kubernetes-rollout} at the wire. The mock server has no controllers, so each test writes
 * the status a controller would.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class KubernetesRolloutVerifierTest {
  KubernetesClient client;
  KubernetesMockServer server;
  private KubeFixture kube;

  @BeforeEach
  void setUp() {
    kube = new KubeFixture(client, server);
  }

  @AfterEach
  void tearDown() {
    kube.close();
  }

  private static VerifySpec check(String kind, String name) {
    return KubeFixture.catalog(
            """
            action:
              type: kubernetes
              namespace: shop
              kind: deployment
              name: "{service}"
              rollout-restart: {}
            """,
            """
            verify:
              type: kubernetes-rollout
              namespace: shop
              kind: %s
              %s
              timeout: 300ms
              interval: 100ms
            """
                .formatted(kind, name))
        .runbooks()
        .get(0)
        .verify();
  }

  private static final VerifySpec DEPLOYMENT = check("deployment", "name: \"{service}\"");

  /** Writes the status the Deployment controller would after observing the current spec. */
  private void status(int replicas, int updated, int available, String progressReason) {
    Deployment d = kube.readDeployment();
    Long generation = d.getMetadata().getGeneration();
    var status =
        new DeploymentStatusBuilder()
            .withObservedGeneration(generation == null ? 1L : generation)
            .withReplicas(replicas)
            .withUpdatedReplicas(updated)
            .withAvailableReplicas(available);
    if (progressReason != null) {
      status
          .addNewCondition()
          .withType("Progressing")
          .withStatus("False")
          .withReason(progressReason)
          .endCondition();
    }
    d.setStatus(status.build());
    client.apps().deployments().inNamespace("shop").resource(d).updateStatus();
  }

  @Test
  void aCompleteRolloutIsRecovered() throws Exception {
    kube.deployment(3);
    status(3, 3, 3, null);

    VerificationResult result = kube.kinds.verify(DEPLOYMENT, kube.context());

    assertThat(result.recovered()).isTrue();
    assertThat(result.attempts()).isEqualTo(1);
    assertThat(result.detail())
        .isEqualTo("deployment checkout-api successfully rolled out (3 replicas) after 1 check(s)");
    assertThat(kube.heartbeats)
        .containsExactly(
            "rollout check 1: " + "deployment checkout-api successfully rolled out (3 replicas)");
  }

  @Test
  void aRolloutThatDoesNotFinishTimesOutSayingWhatItWaitsFor() throws Exception {
    kube.deployment(3);
    status(3, 3, 1, null);

    VerificationResult result = kube.kinds.verify(DEPLOYMENT, kube.context());

    assertThat(result.recovered()).isFalse();
    assertThat(result.attempts()).isGreaterThan(1);
    assertThat(result.detail())
        .startsWith("not rolled out after ")
        .endsWith(": deployment checkout-api: 1 of 3 updated replicas are available");
    assertThat(kube.heartbeats).hasSize(result.attempts());
  }

  @Test
  void oldReplicasStillRunningAreNotARolloutDone() throws Exception {
    kube.deployment(3);
    status(4, 3, 3, null);

    assertThat(kube.kinds.verify(DEPLOYMENT, kube.context()).detail())
        .endsWith("1 old replicas are pending termination");
  }

  @Test
  void anExceededProgressDeadlineIsNotRecoveredAtOnce() throws Exception {
    kube.deployment(3);
    status(3, 1, 1, "ProgressDeadlineExceeded");

    VerificationResult result = kube.kinds.verify(DEPLOYMENT, kube.context());

    assertThat(result.recovered()).isFalse();
    assertThat(result.attempts()).isEqualTo(1);
    assertThat(result.detail()).isEqualTo("deployment checkout-api exceeded its progress deadline");
  }

  private void job(boolean succeeded) {
    String name = JobNames.of(null, KubeFixture.RUNBOOK, KubeFixture.KEY);
    Job job =
        client
            .batch()
            .v1()
            .jobs()
            .inNamespace("shop")
            .resource(
                new JobBuilder()
                    .withNewMetadata()
                    .withName(name)
                    .endMetadata()
                    .withNewSpec()
                    .withNewTemplate()
                    .withNewSpec()
                    .addNewContainer()
                    .withName("job")
                    .withImage("tools:1")
                    .endContainer()
                    .endSpec()
                    .endTemplate()
                    .endSpec()
                    .build())
            .create();
    job.setStatus(
        new JobStatusBuilder()
            .withSucceeded(succeeded ? 1 : 0)
            .withFailed(succeeded ? 0 : 2)
            .addNewCondition()
            .withType(succeeded ? "Complete" : "Failed")
            .withStatus("True")
            .withReason(succeeded ? null : "BackoffLimitExceeded")
            .endCondition()
            .build());
    client.batch().v1().jobs().inNamespace("shop").resource(job).updateStatus();
  }

  @Test
  void theJobTheActionStartedIsFoundByTheKeyAndItsSuccessIsRecovery() throws Exception {
    job(true);

    VerificationResult result = kube.kinds.verify(check("job", ""), kube.context());

    assertThat(result.recovered()).isTrue();
    assertThat(result.detail()).startsWith("job fix-checkout-").contains(" succeeded (1 pod(s))");
  }

  @Test
  void aFailedJobIsNotRecovered() throws Exception {
    job(false);

    VerificationResult result = kube.kinds.verify(check("job", ""), kube.context());

    assertThat(result.recovered()).isFalse();
    assertThat(result.attempts()).isEqualTo(1);
    assertThat(result.detail()).endsWith(" failed (BackoffLimitExceeded)");
  }

  @Test
  void aReadForbiddenByRbacFailsTheCheckNamingTheVerb() {
    server
        .expect()
        .get()
        .withPath("/apis/apps/v1/namespaces/shop/deployments/checkout-api")
        .andReturn(403, new StatusBuilder().withCode(403).build())
        .always();

    ActionFailure failure =
        catchThrowableOfType(
            () -> kube.kinds.verify(DEPLOYMENT, kube.context()), ActionFailure.class);

    assertThat(failure.permanent()).isTrue();
    assertThat(failure)
        .hasMessage(
            "verification fix-checkout: Kubernetes refused to get deployment/checkout-api in shop"
                + " (403 Forbidden): the service account needs verb 'get' on deployments.apps in"
                + " namespace shop");
  }

  @Test
  void anApiThatDoesNotAnswerIsAskedAgainUntilTheTimeout() throws Exception {
    server.shutdown();

    VerificationResult result = kube.kinds.verify(DEPLOYMENT, kube.context());

    assertThat(result.recovered()).isFalse();
    assertThat(result.lastStatus()).isZero();
    assertThat(result.attempts()).isGreaterThan(1);
    assertThat(result.detail()).endsWith(": no answer from the Kubernetes API");
  }
}
