package dev.greenlight.action.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.activities.RemediationActivities;
import dev.greenlight.activities.RemediationActivitiesImpl;
import dev.greenlight.api.ActionPreview;
import dev.greenlight.config.GreenlightConfig;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.testing.TestActivityEnvironment;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The workflow's {@code preview} activity at the wire: the dry run's words for the card, every
 * write sent with {@code dryRun=All}, and a dry run the API refuses as an answer (not a failure).
 */
@EnableKubernetesMockClient(crud = true, https = false)
class PreviewActivityTest {
  private static final String DEPLOYMENT = "/apis/apps/v1/namespaces/shop/deployments/checkout-api";
  private static final String SCALE =
      """
      action:
        type: kubernetes
        namespace: shop
        kind: deployment
        name: "{service}"
        scale: {replicas: 6}
      """;

  KubernetesClient client;
  KubernetesMockServer server;
  private KubeFixture kube;
  private TestActivityEnvironment env;

  @AfterEach
  void tearDown() {
    if (env != null) {
      env.close();
    }
    kube.close();
  }

  private RemediationActivities activities(GreenlightConfig config) {
    env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(new RemediationActivitiesImpl(config, kube.kinds));
    return env.newActivityStub(
        RemediationActivities.class,
        ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofSeconds(10))
            .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
            .build());
  }

  @Test
  void aScaleIsPreviewedAsTheCountsByADryRun() throws Exception {
    kube = new KubeFixture(client, server);
    kube.deployment(3);
    kube.requests();

    ActionPreview p =
        activities(KubeFixture.catalog(SCALE))
            .preview(KubeFixture.WORKFLOW, "GL-1A2B3C4D", KubeFixture.RUNBOOK, "checkout-api");

    assertThat(p).isEqualTo(ActionPreview.change("replicas 3 -> 6"));
    // The mock applies dry runs like real writes (it ignores dryRun), so the request is the proof.
    KubeFixture.assertDryRun(kube.writes());
  }

  @Test
  void aDryRunForbiddenByRbacIsAnAnswerThatNamesTheVerb() throws Exception {
    kube = new KubeFixture(client, server);
    kube.deployment(3);
    server
        .expect()
        .patch()
        .withPath(DEPLOYMENT + "?dryRun=All")
        .andReturn(
            403,
            new StatusBuilder().withCode(403).withReason("Forbidden").withMessage("no").build())
        .once();

    ActionPreview p =
        activities(KubeFixture.catalog(SCALE))
            .preview(KubeFixture.WORKFLOW, "GL-1A2B3C4D", KubeFixture.RUNBOOK, "checkout-api");

    assertThat(p.kind()).isEqualTo(ActionPreview.Kind.REFUSED);
    assertThat(p.text()).contains("needs verb 'patch' on deployments.apps");
    assertThat(kube.readDeployment().getSpec().getReplicas()).isEqualTo(3);
  }
}
