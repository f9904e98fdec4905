package dev.greenlight.action.argo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.config.ArgoAction;
import dev.greenlight.config.ArgoServer;
import dev.greenlight.config.ArgoSettings;
import dev.greenlight.config.ArgoVerify;
import dev.greenlight.config.ConfigException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@code argo} config records validate themselves, with messages naming the key, apply their
 * defaults, and bind from JSON/YAML keys with Jackson (kebab-case where the key has a dash).
 */
class ArgoConfigRecordsTest {
  private static final ObjectMapper JACKSON = new ObjectMapper();

  @Test
  void anActionGetsItsDefaults() {
    ArgoAction a = new ArgoAction(null, "remediation", "fix-oom", false, null, null);

    assertThat(a.server()).isEqualTo("default");
    assertThat(a.parameters()).isEmpty();
    assertThat(a.timeout()).isEqualTo(Duration.ofMinutes(4));
    assertThat(a.resourceKind()).isEqualTo("WorkflowTemplate");
    assertThat(a.type()).isEqualTo("argo");
  }

  @Test
  void badActionKeysAreRefusedByName() {
    assertThatThrownBy(() -> new ArgoAction(null, null, "fix-oom", false, null, null))
        .isInstanceOf(ConfigException.class)
        .hasMessage("action.namespace: required for type argo");
    assertThatThrownBy(() -> new ArgoAction(null, "Prod_NS", "fix-oom", false, null, null))
        .hasMessage("action.namespace: 'Prod_NS' is not a Kubernetes namespace name");
    assertThatThrownBy(() -> new ArgoAction(null, "ns", null, false, null, null))
        .hasMessage("action.template: required for type argo");
    assertThatThrownBy(() -> new ArgoAction(null, "ns", "Fix OOM", false, null, null))
        .hasMessage("action.template: 'Fix OOM' is not a WorkflowTemplate name");
    assertThatThrownBy(() -> new ArgoAction("Prod!", "ns", "fix", false, null, null))
        .hasMessageStartingWith("action.server: 'Prod!'");
    assertThatThrownBy(() -> new ArgoAction(null, "ns", "fix", false, null, Duration.ofMinutes(10)))
        .hasMessage("action.timeout: PT10M is longer than the maximum PT4M");
    assertThatThrownBy(() -> new ArgoAction(null, "ns", "fix", false, Map.of("a b", "x"), null))
        .hasMessage("action.parameters: 'a b' is not an Argo parameter name");
    assertThatThrownBy(() -> new ArgoAction(null, "ns", "fix", false, Map.of("a", "x\ny"), null))
        .hasMessage("action.parameters.a: one line only");
  }

  @Test
  void aVerifyWithoutTemplateTakesNoTemplateKeys() {
    ArgoVerify follow = new ArgoVerify(null, "ns", null, false, null, null);
    assertThat(follow.runsTemplate()).isFalse();
    assertThat(follow.timeout()).isEqualTo(Duration.ofMinutes(10));

    assertThatThrownBy(() -> new ArgoVerify(null, "ns", null, false, Map.of("a", "b"), null))
        .hasMessage("verify.parameters: only with verify.template");
    assertThatThrownBy(() -> new ArgoVerify(null, "ns", null, true, null, null))
        .hasMessage("verify.cluster-scope: only with verify.template");
    assertThatThrownBy(() -> new ArgoVerify(null, "ns", null, false, null, Duration.ofHours(1)))
        .hasMessage("verify.timeout: PT1H is longer than the maximum PT50M");
  }

  @Test
  void aServerNeedsAnHttpUrlWithoutSecretsAndAVariableNameForTheToken() {
    ArgoServer s =
        new ArgoServer("https://argo.example:2746/", null, "ARGO_TOKEN", null, false, null);
    assertThat(s.url()).isEqualTo("https://argo.example:2746");
    assertThat(s.uiUrl()).isEqualTo("https://argo.example:2746");
    assertThat(s.pollInterval()).isEqualTo(Duration.ofSeconds(5));

    assertThatThrownBy(() -> new ArgoServer(null, null, null, null, false, null))
        .hasMessage("argo.servers.*.url: required");
    assertThatThrownBy(() -> new ArgoServer("ftp://argo", null, null, null, false, null))
        .hasMessage("argo.servers.*.url: 'ftp://argo' must be http:// or https://");
    assertThatThrownBy(
            () -> new ArgoServer("https://argo/?token=abc", null, null, null, false, null))
        .hasMessage("argo.servers.*.url: no user info, query or fragment allowed");
    assertThatThrownBy(() -> new ArgoServer("https://argo", null, "Bearer abc", null, false, null))
        .hasMessage("argo.servers.*.token-env: 'Bearer abc' is not an environment variable name");
    assertThatThrownBy(() -> new ArgoServer("https://argo", null, null, "/ca.pem", true, null))
        .hasMessage("argo.servers.*.insecure-skip-verify: cannot be true together with ca-file");
    assertThatThrownBy(
            () -> new ArgoServer("https://argo", null, null, null, false, Duration.ofMinutes(2)))
        .hasMessage("argo.servers.*.poll-interval: PT2M is longer than the maximum PT1M");
    assertThatThrownBy(() -> new ArgoSettings(Map.of("Prod", s)))
        .hasMessageStartingWith("argo.servers: 'Prod' is not a server name");
  }

  @Test
  void theRecordsBindFromTheirKeysWithJackson() throws Exception {
    ArgoAction a =
        JACKSON.readValue(
            """
            {"server": "prod", "namespace": "remediation", "template": "fix-oom",
             "cluster-scope": true, "parameters": {"service": "{service}"}}
            """,
            ArgoAction.class);
    assertThat(a)
        .isEqualTo(
            new ArgoAction(
                "prod", "remediation", "fix-oom", true, Map.of("service", "{service}"), null));

    ArgoServer s =
        JACKSON.readValue(
            """
            {"url": "https://argo.example", "ui-url": "https://ui.example",
             "token-env": "ARGO_TOKEN", "ca-file": "/etc/argo/ca.pem"}
            """,
            ArgoServer.class);
    assertThat(s.uiUrl()).isEqualTo("https://ui.example");
    assertThat(s.tokenEnv()).isEqualTo("ARGO_TOKEN");
    assertThat(s.caFile()).isEqualTo("/etc/argo/ca.pem");
    assertThat(s.insecureSkipVerify()).isFalse();

    assertThatThrownBy(() -> JACKSON.readValue("{\"template\": \"fix-oom\"}", ArgoAction.class))
        .hasRootCauseInstanceOf(ConfigException.class)
        .hasRootCauseMessage("action.namespace: required for type argo");
  }
}
