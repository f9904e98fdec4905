package dev.greenlight.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.api.Principal;
import dev.greenlight.api.Risk;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ApprovalRulesTest {
  private static final String TIERS_AT = "on-call: U0CAROL\n";

  private static GreenlightConfig parse(String approvals) {
    return ConfigLoader.parse(TestYaml.with(TIERS_AT, TIERS_AT + approvals), "test.yml");
  }

  @Test
  void defaultsAreOneApproverForLowAndMediumAndTwoNotTheRequesterForHigh() {
    GreenlightConfig c = ConfigLoader.parse(TestYaml.VALID, "test.yml");
    assertThat(c.approvals().get(Risk.LOW))
        .extracting(TierRule::required, TierRule::selfApproval)
        .containsExactly(1, true);
    assertThat(c.approvals().get(Risk.HIGH))
        .extracting(TierRule::required, TierRule::selfApproval)
        .containsExactly(2, false);
    TierRule medium = c.approvals().get(Risk.MEDIUM);
    assertThat(medium.timeout()).isEqualTo(Duration.ofHours(4));
    assertThat(medium.escalation())
        .extracting(TierRule.EscalationStep::after)
        .containsExactly(Duration.ofMinutes(15), Duration.ofMinutes(45));
  }

  @Test
  void aTierReadsItsQuorumTimeoutAndLadder() {
    GreenlightConfig c =
        parse(
            """
        approvals:
          high:
            required: 2
            self-approval: false
            timeout: 2h
            escalation:
              - {after: 10m, notify: approvers}
              - {after: 30m, notify: [on-call, S0LEADS]}
        """);
    TierRule high = c.approvals().get(Risk.HIGH);
    assertThat(high.timeout()).isEqualTo(Duration.ofHours(2));
    assertThat(high.escalation().get(1).notifyOnCall()).isTrue();
    assertThat(high.escalation().get(1).others()).containsExactly(Principal.of("S0LEADS"));
  }

  @Test
  void userGroupsAndRunbookOverridesAreAccepted() {
    GreenlightConfig c =
        ConfigLoader.parse(
            TestYaml.with("approvers: [U0ALICE, U0BOB]", "approvers: [U0ALICE, S0SRE]")
                .replace("  - id: second\n", "  - id: second\n    approvers: [S0DBAS]\n"),
            "test.yml");
    assertThat(c.approversFor("second")).containsExactly(Principal.of("S0DBAS"));
    assertThat(c.approversFor("first"))
        .containsExactly(Principal.of("U0ALICE"), Principal.of("S0SRE"));
  }

  @Test
  void impossibleQuorumLadderOrNotifyIsNamed() {
    assertThatThrownBy(() -> parse("approvals:\n  high: {required: 3}\n"))
        .hasMessageContaining("approvals.high.required is 3 but only 2 approver(s) are configured");
    assertThatThrownBy(
            () ->
                parse(
                    "approvals:\n  medium: {timeout: 1h, escalation: [{after: 2h, notify: approvers}]}\n"))
        .hasMessageContaining(
            "approvals.medium.escalation[0].after must be later than the step before and earlier");
    assertThatThrownBy(
            () -> parse("approvals:\n  low: {escalation: [{after: 5m, notify: everyone}]}\n"))
        .hasMessageContaining(
            "approvals.low.escalation[0].notify: 'everyone' is not approvers, on-call");
    assertThatThrownBy(() -> parse("approvals:\n  high: {self-approval: maybe}\n"))
        .hasMessageContaining("approvals.high.self-approval must be true or false (got 'maybe')");
    assertThatThrownBy(() -> parse("approvals:\n  extreme: {required: 1}\n"))
        .hasMessageContaining("unknown key approvals.extreme");
  }
}
