package dev.greenlight.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.config.ConfigLoader;
import dev.greenlight.config.GreenlightConfig;
import dev.greenlight.config.LocalSettings;
import dev.greenlight.config.Runbook;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A reference line that names what a runbook's id or label names (a word rare in the reference) is
 * left to the catalog, so the alert it describes reaches that runbook instead of unknown.
 */
class ClaimedReferenceLinesTest {
  @Test
  void aLineNamingARunbooksRareWordIsDroppedAndACommonWordClaimsNothing() throws IOException {
    List<Runbook> eight = eightCatalog().runbooks();
    List<String> lines = new ArrayList<>();
    lines.add("CoreDNS SERVFAIL Error Rate High");
    lines.add("PGBouncer pool waiting clients");
    lines.add("Redis down");
    for (int i = 0; i < 40; i++) {
      lines.add("Kubernetes pods pending in namespace " + i); // "pods" is common here.
    }

    List<String> kept = OtherIncidents.unclaimed(lines, eight, 0.05);

    // restart-coredns (camel case split: "Core DNS") and recycle-db-pool claim these two.
    assertThat(kept).doesNotContain("CoreDNS SERVFAIL Error Rate High");
    assertThat(kept).doesNotContain("PGBouncer pool waiting clients");
    assertThat(kept).contains("Redis down", "Kubernetes pods pending in namespace 7");
    assertThat(kept).hasSize(lines.size() - 2);
    assertThat(OtherIncidents.unclaimed(lines, eight, 0)).isEqualTo(lines);
  }

  @Test
  void withTheClaimSwitchedOnTheAlertReachesTheRunbook() throws IOException {
    GreenlightConfig eight = eightCatalog();
    LocalClassifier classifier =
        new LocalClassifier(
            new EmbeddingClassifier(
                eight.runbooks(),
                new LocalSettings(0.5, -0.2, LocalSettings.BUILT_IN, 0.6, 0, 0.05)),
            LocalClassifier.Strategy.NEAREST,
            Calibration.DEFAULT,
            eight.policy().minSimilarity());

    // With the default (other-claim 0) the built-in line "CoreDNS SERVFAIL Error Rate High" (cosine
    // 0.86) made
    // this alert unknown.
    assertThat(
            classifier
                .classify("checkout-api", "CoreDNSErrorsHigh: CoreDNS is returning SERVFAIL")
                .label())
        .isEqualTo("dns-failure");
  }

  private static GreenlightConfig eightCatalog() throws IOException {
    try (InputStream in =
        ClaimedReferenceLinesTest.class.getResourceAsStream("/eval/eight-catalog.yml")) {
      return ConfigLoader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "eight");
    }
  }
}
