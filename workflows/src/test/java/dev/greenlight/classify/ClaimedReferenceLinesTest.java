package dev.greenlight.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.config.GreenlightConfig;
import dev.greenlight.config.LocalSettings;
import dev.greenlight.config.Runbook;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A reference line that names what a runbook's id or label names (a word rare in the reference) is
 * left to the catalog, so the alert it describes reaches that runbook instead of unknown.
 */
class ClaimedReferenceLinesTest {
  @Test
  void aLineNamingARunbooksRareWordIsDroppedAndACommonWordClaimsNothing() {
    List<Runbook> eight = EightCatalog.load().runbooks();
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
  void withTheClaimSwitchedOnTheAlertReachesTheRunbookInsteadOfUnknown() {
    GreenlightConfig eight = EightCatalog.load();
    String alert = "CoreDNSErrorsHigh: CoreDNS is returning SERVFAIL for 8.4% of requests";

    // The built-in line "CoreDNS SERVFAIL Error Rate High" is closer to the alert than any example
    // of restart-coredns, so by default (other-claim 0) the alert is unknown.
    assertThat(classifier(eight, LocalSettings.DEFAULT).classify("checkout-api", alert).label())
        .isEqualTo(Verdict.UNKNOWN_LABEL);
    assertThat(classifier(eight, EightCatalog.CLAIMING).classify("checkout-api", alert).label())
        .isEqualTo("dns-failure");
  }

  private static LocalClassifier classifier(GreenlightConfig config, LocalSettings local) {
    return new LocalClassifier(
        SharedModel.classifier(config.runbooks(), local),
        LocalClassifier.Strategy.NEAREST,
        Calibration.DEFAULT,
        config.policy().minSimilarity());
  }
}
