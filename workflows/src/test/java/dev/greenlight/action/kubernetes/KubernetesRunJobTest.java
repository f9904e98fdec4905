package dev.greenlight.action.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.greenlight.action.ActionFailure;
import dev.greenlight.config.ActionSpec;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code run-job} at the wire: one Job per approval, named from the key, adopted on a retry. This
 * class talks HTTPS to the mock API server, as to a real one; the other Kubernetes tests use plain
 * HTTP, because the mock server makes a new RSA key for each test's certificate (a second of CPU
 * each in the test JVMs) and the client's code is the same either way.
 */
@EnableKubernetesMockClient(crud = true)
class KubernetesRunJobTest {
  KubernetesClient client;
  KubernetesMockServer server;
  private KubeFixture kube;
  private ActionSpec runJob;
  private String jobName;

  @BeforeEach
  void setUp() {
    kube = new KubeFixture(client, server);
    runJob =
        KubeFixture.catalog(
                """
                action:
                  type: kubernetes
                  namespace: shop
                  name: "{service}-flush"
                  run-job:
                    image: registry.example/tools:1.2
                    command: [flush-cache, "--service={service}"]
                    env: {INCIDENT: "{incident}"}
                    backoff-limit: 1
                    active-deadline: 5m
                """)
            .runbooks()
            .get(0)
            .action();
    jobName = JobNames.of("checkout-api-flush", KubeFixture.RUNBOOK, KubeFixture.KEY);
  }

  @AfterEach
  void tearDown() {
    kube.close();
  }

  private List<Job> jobs() {
    return kube.client.batch().v1().jobs().inNamespace("shop").list().getItems();
  }

  @Test
  void createsTheJobFromTheCatalogTemplateNamedFromTheKey() throws Exception {
    assertThat(kube.kinds.run(runJob, kube.context()).summary())
        .isEqualTo("created job/" + jobName + " in shop (image registry.example/tools:1.2)");

    assertThat(jobName).matches("checkout-api-flush-[0-9a-f]{10}");
    Job job = jobs().get(0);
    assertThat(job.getMetadata().getName()).isEqualTo(jobName);
    assertThat(job.getMetadata().getAnnotations())
        .containsEntry("greenlight.dev/idempotency-key", KubeFixture.KEY);
    assertThat(job.getSpec().getBackoffLimit()).isEqualTo(1);
    assertThat(job.getSpec().getActiveDeadlineSeconds()).isEqualTo(300L);
    var container = job.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(container.getImage()).isEqualTo("registry.example/tools:1.2");
    assertThat(container.getCommand()).containsExactly("flush-cache", "--service=checkout-api");
    assertThat(container.getEnv()).containsExactly(new EnvVar("INCIDENT", "GL-1A2B3C4D", null));
    assertThat(job.getSpec().getTemplate().getSpec().getRestartPolicy()).isEqualTo("Never");
  }

  @Test
  void aRetryAdoptsTheJobInsteadOfCreatingAnother() throws Exception {
    kube.kinds.run(runJob, kube.context());
    kube.requests();

    assertThat(kube.kinds.run(runJob, kube.context()).summary())
        .isEqualTo("adopted job/" + jobName + " in shop, created earlier under this approval");

    assertThat(kube.writes()).isEmpty();
    assertThat(jobs()).hasSize(1);
  }

  @Test
  void aJobOfThatNameFromAnotherRunIsNotAdopted() {
    kube.client
        .batch()
        .v1()
        .jobs()
        .inNamespace("shop")
        .resource(
            new JobBuilder()
                .withNewMetadata()
                .withName(jobName)
                .endMetadata()
                .withNewSpec()
                .withNewTemplate()
                .withNewSpec()
                .addNewContainer()
                .withName("x")
                .withImage("x")
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build())
        .create();

    ActionFailure failure =
        catchThrowableOfType(() -> kube.kinds.run(runJob, kube.context()), ActionFailure.class);

    assertThat(failure.permanent()).isTrue();
    assertThat(failure).hasMessageContaining("exists but was not created under this approval");
  }

  @Test
  void previewIsADryRunCreate() throws Exception {
    kube.requests();

    assertThat(kube.kinds.preview(runJob, kube.context()))
        .hasValue("create job " + jobName + " in shop (image registry.example/tools:1.2)");

    List<String> writes = kube.writes();
    KubeFixture.assertDryRun(writes);
    assertThat(writes).containsExactly("POST /apis/batch/v1/namespaces/shop/jobs?dryRun=All");
  }
}
