package dev.greenlight.action.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.greenlight.action.ActionKinds;
import dev.greenlight.action.HttpActionExecutor;
import dev.greenlight.action.HttpVerifier;
import dev.greenlight.config.ConfigException;
import dev.greenlight.config.ConfigLoader;
import dev.greenlight.config.GreenlightConfig;
import java.util.ArrayList;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * Registered next to {@code http}, the kubernetes kinds let a worker start with a kubernetes
 * catalog; without them the worker refuses it. No cluster is contacted to start.
 */
class KubernetesKindsRegistrationTest {
  private static final GreenlightConfig CATALOG =
      KubeFixture.catalog(
          """
          action:
            type: kubernetes
            namespace: shop
            kind: deployment
            name: "{service}"
            scale: {replicas: 4}
          """);

  /** The registration the worker needs, as {@code GreenlightWorker.actionKinds} would do it. */
  static ActionKinds withKubernetes(OkHttpClient http) {
    KubeClients kube = KubeClients.fromEnvironment();
    return ActionKinds.builder()
        .executor(new HttpActionExecutor(http))
        .executor(new KubernetesActionExecutor(kube))
        .verifier(new HttpVerifier(http))
        .verifier(new KubernetesRolloutVerifier(kube))
        .build();
  }

  @Test
  void aWorkerWithTheKubernetesKindsAcceptsAKubernetesCatalog() {
    assertThatCode(() -> withKubernetes(new OkHttpClient()).requireAll(CATALOG.runbooks()))
        .doesNotThrowAnyException();
  }

  @Test
  void aWorkerWithoutThemRefusesIt() {
    OkHttpClient http = new OkHttpClient();
    ActionKinds httpOnly =
        ActionKinds.builder()
            .executor(new HttpActionExecutor(http))
            .verifier(new HttpVerifier(http))
            .build();

    ConfigException e =
        catchThrowableOfType(() -> httpOnly.requireAll(CATALOG.runbooks()), ConfigException.class);

    assertThat(e)
        .hasMessage(
            "runbook 'fix-checkout' (runbooks[0].action.type): no implementation of action type"
                + " 'kubernetes' on this worker (known: http)");
  }

  @Test
  void theHttpKindKeepsNoPreview() throws Exception {
    GreenlightConfig http =
        ConfigLoader.parse(
            """
            services: [checkout-api]
            approvers: [U0ALICE]
            on-call: U0CAROL
            runbooks:
              - id: hook
                label: l
                risk: low
                examples: [e]
                action: {url: "http://127.0.0.1:9/x"}
                verify: {url: "http://127.0.0.1:9/y"}
            """,
            "test.yml");
    assertThat(
            withKubernetes(new OkHttpClient())
                .preview(http.runbooks().get(0).action(), KubeFixture.context(new ArrayList<>())))
        .isEmpty();
  }
}
