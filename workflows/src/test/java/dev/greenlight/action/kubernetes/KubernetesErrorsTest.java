package dev.greenlight.action.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.greenlight.action.ActionFailure;
import dev.greenlight.activities.RemediationActivities;
import dev.greenlight.activities.RemediationActivitiesImpl;
import dev.greenlight.api.Proposal;
import dev.greenlight.config.ActionSpec;
import dev.greenlight.config.GreenlightConfig;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the API server refuses is classified: RBAC (403) and not found (404) are permanent and say
 * which verb on which resource; a conflict (409) is retried, and the retry changes the workload
 * once.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class KubernetesErrorsTest {
  private static final String DEPLOYMENT = "/apis/apps/v1/namespaces/shop/deployments/checkout-api";
  private static final String RESTART =
      """
      action:
        type: kubernetes
        namespace: shop
        kind: deployment
        name: "{service}"
        rollout-restart: {}
      """;

  KubernetesClient client;
  KubernetesMockServer server;
  private KubeFixture kube;
  private GreenlightConfig config;
  private ActionSpec restart;

  @BeforeEach
  void setUp() {
    kube = new KubeFixture(client, server);
    config = KubeFixture.catalog(RESTART);
    restart = config.runbooks().get(0).action();
  }

  @AfterEach
  void tearDown() {
    kube.close();
  }

  private static Status status(int code, String reason) {
    return new StatusBuilder()
        .withCode(code)
        .withReason(reason)
        .withMessage("the server's own words, never shown")
        .build();
  }

  private ActionFailure failure(ActionSpec spec) {
    ActionFailure failure =
        catchThrowableOfType(() -> kube.kinds.run(spec, kube.context()), ActionFailure.class);
    assertThat(failure).as("the action failed").isNotNull();
    return failure;
  }

  @Test
  void aPatchForbiddenByRbacIsPermanentAndNamesTheMissingVerb() {
    kube.deployment(3);
    server.expect().patch().withPath(DEPLOYMENT).andReturn(403, status(403, "Forbidden")).once();

    ActionFailure failure = failure(restart);

    assertThat(failure.permanent()).isTrue();
    assertThat(failure)
        .hasMessage(
            "action fix-checkout: Kubernetes refused to patch deployment/checkout-api in shop"
                + " (403 Forbidden): the service account needs verb 'patch' on deployments.apps in"
                + " namespace shop");
    assertThat(failure.getMessage()).doesNotContain("server's own words");
  }

  @Test
  void aForbiddenReadNamesTheGetVerb() {
    server.expect().get().withPath(DEPLOYMENT).andReturn(403, status(403, "Forbidden")).once();

    assertThat(failure(restart).getMessage())
        .contains("refused to get deployment/checkout-api in shop (403 Forbidden)")
        .contains("needs verb 'get' on deployments.apps");
  }

  @Test
  void aMissingWorkloadIsPermanentAndNamed() {
    ActionFailure failure = failure(restart);

    assertThat(failure.permanent()).isTrue();
    assertThat(failure)
        .hasMessage(
            "action fix-checkout: deployment/checkout-api in shop was not found (404 on get"
                + " deployments.apps)");
  }

  @Test
  void aPreviewRefusedByRbacIsPermanentToo() {
    kube.deployment(3);
    server
        .expect()
        .patch()
        .withPath(DEPLOYMENT + "?dryRun=All")
        .andReturn(403, status(403, "Forbidden"))
        .once();

    ActionFailure failure =
        catchThrowableOfType(
            () -> kube.kinds.preview(restart, kube.context()), ActionFailure.class);

    assertThat(failure.permanent()).isTrue();
    assertThat(failure.getMessage()).contains("needs verb 'patch' on deployments.apps");
  }

  @Test
  void aConflictIsRetryable() {
    kube.deployment(3);
    server.expect().patch().withPath(DEPLOYMENT).andReturn(409, status(409, "Conflict")).once();

    ActionFailure failure = failure(restart);

    assertThat(failure.retryable()).isTrue();
    assertThat(failure)
        .hasMessage(
            "action fix-checkout: conflict (409) on patch deployment/checkout-api in shop: it"
                + " changed meanwhile");
  }

  @Test
  void aServerErrorIsRetryableAndNoAnswerIsUnreachable() {
    kube.deployment(3);
    server.expect().patch().withPath(DEPLOYMENT).andReturn(503, status(503, "Unavailable")).once();
    assertThat(failure(restart).reason()).isEqualTo(ActionFailure.Reason.TARGET_ERROR);

    server.shutdown();
    ActionFailure gone = failure(restart);
    assertThat(gone.reason()).isEqualTo(ActionFailure.Reason.UNREACHABLE);
    assertThat(gone.getMessage())
        .startsWith("action fix-checkout: the Kubernetes API did not answer on get");
  }

  @Test
  void theActivityFailsAConflictAsRetryableAndItsRetryRestartsOnce() throws Exception {
    kube.deployment(3);
    server.expect().patch().withPath(DEPLOYMENT).andReturn(409, status(409, "Conflict")).once();
    TestActivityEnvironment env = TestActivityEnvironment.newInstance();
    try {
      env.registerActivitiesImplementations(new RemediationActivitiesImpl(config, kube.kinds));
      RemediationActivities activities =
          env.newActivityStub(
              RemediationActivities.class,
              ActivityOptions.newBuilder()
                  .setStartToCloseTimeout(Duration.ofSeconds(30))
                  .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
                  .build());
      Map<String, String> vars = Map.of("service", "checkout-api", "incident", "GL-1A2B3C4D");
      String approved =
          Proposal.hash(KubeFixture.RUNBOOK, "checkout-broken", restart.describe(vars));
      Runnable attempt =
          () ->
              activities.remediate(
                  KubeFixture.WORKFLOW,
                  "GL-1A2B3C4D",
                  KubeFixture.RUNBOOK,
                  "checkout-api",
                  approved);
      kube.requests();

      // The test environment runs one attempt per call: each call below is one of Temporal's.
      ActivityFailure first = catchThrowableOfType(attempt::run, ActivityFailure.class);
      ApplicationFailure conflict = (ApplicationFailure) first.getCause();
      assertThat(conflict.getType()).isEqualTo(RemediationActivities.ACTION_SERVER_ERROR);
      assertThat(conflict.isNonRetryable()).isFalse();
      attempt.run();
      attempt.run();

      assertThat(kube.writes())
          .as("the refused patch, then the second attempt's; the third finds its key")
          .containsExactly("PATCH " + DEPLOYMENT, "PATCH " + DEPLOYMENT);
      assertThat(kube.readDeployment().getMetadata().getAnnotations())
          .containsEntry("greenlight.dev/idempotency-key", KubeFixture.KEY);
    } finally {
      env.close();
    }
  }
}
