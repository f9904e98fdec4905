package dev.greenlight.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.api.FreezeWindow;
import dev.greenlight.api.RailsPolicy;
import org.junit.jupiter.api.Test;

class RailsConfigTest {
  private static final String RAILS =
      """
      rails:
        breaker:
          failures: 2
          window: 30m
        freeze:
          high-risk: refuse
          windows:
            - name: weekend
              zone: Europe/Berlin
              from: FRI 18:00
              until: MON 08:00
            - name: year-end
              zone: UTC
              from: 2026-12-20T00:00
              until: 2027-01-04T08:00
      visibility:
        search-attributes: true
      """;

  @Test
  void theRailsTravelInThePolicySnapshot() {
    GreenlightConfig config = ConfigLoader.parse(TestYaml.VALID + RAILS, "test.yml");
    RailsPolicy rails = config.policySnapshot().rails();

    assertThat(rails.breakerFailures()).isEqualTo(2);
    assertThat(rails.breakerWindowSeconds()).isEqualTo(1800);
    assertThat(rails.highRiskInFreeze()).isEqualTo(RailsPolicy.HighRiskInFreeze.REFUSE);
    assertThat(rails.freezes())
        .containsExactly(
            new FreezeWindow("weekend", "Europe/Berlin", "FRI 18:00", "MON 08:00"),
            new FreezeWindow("year-end", "UTC", "2026-12-20T00:00", "2027-01-04T08:00"));
    assertThat(config.policySnapshot().searchAttributes()).isTrue();
  }

  @Test
  void withoutARailsSectionTheBreakerIsOnAndNothingIsFrozen() {
    RailsPolicy rails = ConfigLoader.parse(TestYaml.VALID, "test.yml").policySnapshot().rails();
    assertThat(rails.breakerFailures()).isEqualTo(3);
    assertThat(rails.breakerWindowSeconds()).isEqualTo(3600);
    assertThat(rails.freezes()).isEmpty();
    assertThat(rails.highRiskInFreeze()).isEqualTo(RailsPolicy.HighRiskInFreeze.EXTRA_APPROVER);
  }

  @Test
  void aWindowWithoutAZoneIsRefusedNamingTheKey() {
    assertThat(rejection(RAILS.replace("\n        zone: UTC", "")))
        .contains("rails.freeze.windows[1].zone is required");
  }

  @Test
  void anUnknownZoneIsNamed() {
    assertThat(rejection(RAILS.replace("zone: UTC", "zone: Mars/Olympus")))
        .contains("rails.freeze.windows[1].zone: 'Mars/Olympus' is not a time zone");
  }

  @Test
  void mixedKindsAndBackwardsWindowsAreRefused() {
    assertThat(rejection(RAILS.replace("until: MON 08:00", "until: 2026-12-24T08:00")))
        .contains("rails.freeze.windows[0].until: '2026-12-24T08:00' must be the same kind");
    assertThat(rejection(RAILS.replace("until: 2027-01-04T08:00", "until: 2026-12-01T08:00")))
        .contains("rails.freeze.windows[1].until: '2026-12-01T08:00' must come after from");
    assertThat(rejection(RAILS.replace("from: FRI 18:00", "from: FRIDAY 6pm")))
        .contains("rails.freeze.windows[0]");
  }

  @Test
  void aBadHighRiskModeIsNamed() {
    assertThat(rejection(RAILS.replace("high-risk: refuse", "high-risk: maybe")))
        .contains("rails.freeze.high-risk must be one of extra-approver, refuse (got 'maybe')");
  }

  private static String rejection(String yaml) {
    Throwable t =
        org.assertj.core.api.Assertions.catchThrowable(
            () -> ConfigLoader.parse(TestYaml.VALID + yaml, "test.yml"));
    assertThat(t).isInstanceOf(ConfigException.class);
    return t.getMessage();
  }

  @Test
  void unknownKeysUnderRailsAreNamed() {
    assertThatThrownBy(
            () -> ConfigLoader.parse(TestYaml.VALID + RAILS.replace("failures:", "failurs:"), "x"))
        .hasMessageContaining("failurs");
  }
}
