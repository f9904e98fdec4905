package dev.greenlight.action.argo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The idempotency key becomes a valid Kubernetes label value (40 hex digits of its SHA-256, the
 * same on every retry), and incident IDs and names are sanitized to label values.
 */
class ArgoLabelsTest {
  private static final String LABEL_VALUE = "([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?";

  @Test
  void theKeyHashIsAStableValidLabelValue() {
    String key = "incident-GL-1A2B3C4D:fix-oom-pods";

    String hash = ArgoLabels.keyHash(key);

    assertThat(hash).hasSize(40).matches("[0-9a-f]{40}").matches(LABEL_VALUE);
    assertThat(ArgoLabels.keyHash(key)).isEqualTo(hash);
    assertThat(ArgoLabels.keyHash(key + ":verify")).isNotEqualTo(hash);
  }

  @Test
  void anyTextBecomesAValidLabelValue() {
    assertThat(ArgoLabels.value("GL-1A2B3C4D")).isEqualTo("GL-1A2B3C4D");
    assertThat(ArgoLabels.value("-a:b/c d-")).isEqualTo("a-b-c-d").matches(LABEL_VALUE);
    assertThat(ArgoLabels.value("x".repeat(80) + "-")).hasSize(63).matches(LABEL_VALUE);
    assertThat(ArgoLabels.value("::")).isEmpty();
  }

  @Test
  void theWorkflowNameIsTheTemplateAndTheHashsStart() {
    String hash = ArgoLabels.keyHash("k");

    assertThat(ArgoLabels.workflowName("fix-oom", hash))
        .isEqualTo("fix-oom-" + hash.substring(0, 10));
    assertThat(ArgoLabels.workflowName("a.b." + "c".repeat(60), hash))
        .hasSizeLessThanOrEqualTo(51)
        .matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  }
}
