package dev.greenlight.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code kubernetes-rollout} verify keys, read through the loader from YAML. */
class KubernetesRolloutConfigTest {
  private static final String FIRST_VERIFY =
      """
          verify:
            url: http://127.0.0.1:9/health/{service}
            timeout: 1m
            interval: 5s
      """;

  private static final Map<String, String> VARS =
      Map.of("service", "checkout-api", "incident", "GL-1A2B3C4D");

  private static String verifyRejection(String verify) {
    ConfigException e =
        catchThrowableOfType(
            () -> ConfigLoader.parse(TestYaml.with(FIRST_VERIFY, verify), "test.yml"),
            ConfigException.class);
    assertThat(e).as("the configuration is rejected").isNotNull();
    return e.getMessage();
  }

  @Test
  void rolloutVerificationParsesWithDefaultsAndRefusesBadKeys() {
    GreenlightConfig config =
        ConfigLoader.parse(
            TestYaml.with(
                FIRST_VERIFY,
                """
                    verify:
                      type: kubernetes-rollout
                      namespace: shop
                      kind: deployment
                      name: "{service}"
                """),
            "test.yml");
    KubernetesRollout rollout = (KubernetesRollout) config.runbooks().get(0).verify();
    assertThat(rollout.timeout()).isEqualTo(KubernetesRollout.DEFAULT_TIMEOUT);
    assertThat(rollout.interval()).isEqualTo(KubernetesRollout.DEFAULT_INTERVAL);
    assertThat(rollout.name(VARS)).isEqualTo("checkout-api");

    assertThat(
            verifyRejection(
                """
                    verify:
                      type: kubernetes-rollout
                      namespace: shop
                      kind: deployment
                """))
        .contains("runbooks[0].verify.name is required");
    assertThat(
            verifyRejection(
                """
                    verify:
                      type: kubernetes-rollout
                      namespace: shop
                      kind: job
                      timeout: 2h
                """))
        .contains("runbooks[0].verify.timeout must be at most 50m");
  }

  @Test
  void aJobCheckNeedsNoNameAndAWorkloadCheckRefusesIncidentInIt() {
    GreenlightConfig config =
        ConfigLoader.parse(
            TestYaml.with(
                FIRST_VERIFY,
                """
                    verify:
                      type: kubernetes-rollout
                      namespace: "{service}"
                      kind: job
                      interval: 2s
                """),
            "test.yml");
    KubernetesRollout job = (KubernetesRollout) config.runbooks().get(0).verify();
    assertThat(job.name(VARS)).isNull();
    assertThat(job.namespace(VARS)).isEqualTo("checkout-api");
    assertThat(
            verifyRejection(
                """
                    verify:
                      type: kubernetes-rollout
                      namespace: shop
                      kind: deployment
                      name: "{incident}"
                """))
        .contains("runbooks[0].verify.name: unknown placeholder {incident}");
    assertThat(
            verifyRejection(
                """
                    verify:
                      type: kubernetes-rollout
                      namespace: shop
                      kind: deployment
                      name: web
                      timeout: 10s
                      interval: 30s
                """))
        .contains("runbooks[0].verify.interval must not be longer than runbooks[0].verify.timeout");
  }
}
