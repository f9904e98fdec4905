package dev.greenlight.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.config.ArgoAction;
import dev.greenlight.config.ConfigException;
import dev.greenlight.config.ConfigLoader;
import dev.greenlight.config.GreenlightConfig;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * A catalog with an {@code argo} runbook loads from YAML and the worker's built-in kinds run it; a
 * token variable the config names but the environment lacks stops the worker at start.
 */
class ArgoCatalogWiresIntoTheWorkerTest {
  private static final String CATALOG =
      """
      services: [checkout-api]
      approvers: [U0ALICE, U0BOB]
      on-call: U0CAROL
      argo:
        servers:
          default:
            url: http://127.0.0.1:2746
            token-env: ARGO_TOKEN
      runbooks:
        - id: fix-oom-pods
          label: oom-killed
          risk: medium
          examples: [pods OOMKilled]
          action:
            type: argo
            namespace: remediation
            template: fix-oom
            parameters:
              service: "{service}"
          verify:
            type: argo
            namespace: remediation
      """;

  @Test
  void anArgoRunbookLoadsAndTheWorkersKindsAcceptIt() {
    GreenlightConfig config = ConfigLoader.parse(CATALOG, "argo.yml");

    assertThat(config.runbook("fix-oom-pods").orElseThrow().action())
        .isInstanceOf(ArgoAction.class);
    var kinds =
        GreenlightWorker.actionKinds(config, Map.of("ARGO_TOKEN", "t0ken"), new OkHttpClient());
    kinds.requireAll(config.runbooks());
  }

  @Test
  void aMissingTokenVariableStopsTheWorkerNamingTheKey() {
    GreenlightConfig config = ConfigLoader.parse(CATALOG, "argo.yml");

    assertThatThrownBy(() -> GreenlightWorker.actionKinds(config, Map.of(), new OkHttpClient()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("ARGO_TOKEN");
  }
}
