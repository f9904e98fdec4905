package dev.greenlight.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.api.Risk;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a minimal file leaves out takes the documented defaults. */
class ConfigDefaultsTest {
  private static final String MINIMAL =
      """
      services: [checkout-api]
      approvers: [U0ALICE]
      on-call: U0CAROL
      runbooks:
        - id: restart
          label: oom-killed
          risk: high
          examples: [pods OOMKilled]
          action: {url: http://127.0.0.1:9/restart}
          verify: {url: http://127.0.0.1:9/health}
      """;

  private final GreenlightConfig config = ConfigLoader.parse(MINIMAL, "minimal.yml");

  @Test
  void sectionsLeftOutTakeTheirDefaults() {
    assertThat(config.policy()).isEqualTo(Policy.DEFAULT);
    assertThat(config.policy()).isEqualTo(new Policy(0.94, 0.22, Duration.ofHours(4)));
    assertThat(config.classifier()).isEqualTo(ClassifierSettings.DEFAULT);
    assertThat(config.classifier().mode()).isEqualTo("local");
    assertThat(config.channel()).isEmpty();
  }

  @Test
  void actionAndProbeKeysLeftOutTakeTheirDefaults() {
    Runbook r = config.runbooks().get(0);
    assertThat(r.description()).isEmpty();
    assertThat(r.approvers()).isEmpty();
    assertThat(r.action())
        .isEqualTo(
            new HttpAction(
                "POST", "http://127.0.0.1:9/restart", "", Map.of(), Duration.ofSeconds(30)));
    assertThat(r.verify())
        .isEqualTo(
            new Probe(
                "http://127.0.0.1:9/health", 200, Duration.ofMinutes(2), Duration.ofSeconds(5)));
  }

  @Test
  void tiersTakeTheirDefaultsEvenWhenOneApproverCannotReachTheHighQuorum() {
    // Only a quorum the file sets is checked against the approvers, as before.
    TierRule high = config.approvals().get(Risk.HIGH);
    assertThat(high.required()).isEqualTo(2);
    assertThat(high.selfApproval()).isFalse();
    assertThat(high.timeout()).isEqualTo(Duration.ofHours(4));
    assertThat(high.escalation())
        .containsExactly(
            new TierRule.EscalationStep(Duration.ofMinutes(15), true, false, java.util.List.of()),
            new TierRule.EscalationStep(Duration.ofMinutes(45), false, true, java.util.List.of()));
    assertThat(config.approvals().get(Risk.LOW).selfApproval()).isTrue();
  }

  @Test
  void aShortTierTimeoutShortensTheDefaultLadder() {
    GreenlightConfig c =
        ConfigLoader.parse(
            MINIMAL + "approvals: {low: {timeout: 30m}, medium: {timeout: 10m, escalation: []}}\n",
            "minimal.yml");
    assertThat(c.approvals().get(Risk.LOW).escalation())
        .extracting(TierRule.EscalationStep::after)
        .containsExactly(Duration.ofMinutes(15));
    assertThat(c.approvals().get(Risk.MEDIUM).escalation()).isEmpty();
  }

  @Test
  void everyDurationFormIsRead() {
    GreenlightConfig c =
        ConfigLoader.parse(
            MINIMAL.replace(
                    "verify: {url: http://127.0.0.1:9/health}",
                    "verify: {url: http://127.0.0.1:9/health, timeout: PT3M, interval: 500ms}")
                + "policy: {approval-timeout: 2d}\n",
            "minimal.yml");
    Probe probe = (Probe) c.runbooks().get(0).verify();
    assertThat(probe.timeout()).isEqualTo(Duration.ofMinutes(3));
    assertThat(probe.interval()).isEqualTo(Duration.ofMillis(500));
    assertThat(c.policy().approvalTimeout()).isEqualTo(Duration.ofDays(2));
  }
}
