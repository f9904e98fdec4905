package dev.greenlight.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.api.Principal;
import dev.greenlight.api.Risk;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoConfigTest {
  private final GreenlightConfig demo = ConfigLoader.loadDemo();

  @Test
  void demoConfigListsTheFourDemoServices() {
    assertThat(demo.services())
        .containsExactly("checkout-api", "payments-api", "search-api", "web-frontend");
    assertThat(demo.knowsService("checkout-api")).isTrue();
    assertThat(demo.knowsService("billing-api")).isFalse();
  }

  @Test
  void demoConfigHasThreeRunbooksWithTheirRiskTiers() {
    assertThat(demo.runbooks())
        .extracting(Runbook::id)
        .containsExactly("restart-oom-pods", "flush-cache", "rollback-deploy");
    assertThat(demo.runbooks())
        .extracting(Runbook::label)
        .containsExactly("oom-killed", "stale-cache", "bad-deploy");
    assertThat(demo.runbooks())
        .extracting(Runbook::risk)
        .containsExactly(Risk.MEDIUM, Risk.LOW, Risk.HIGH);
    assertThat(demo.runbook("restart-oom-pods").orElseThrow().examples()).hasSize(4);
    assertThat(demo.runbook("no-such-runbook")).isEmpty();
  }

  @Test
  void demoConfigPolicyMatchesTheFile() {
    assertThat(demo.policy()).isEqualTo(new Policy(0.94, 0.22, Duration.ofHours(4)));
  }

  @Test
  void demoConfigPeopleAndChannelMatchTheFile() {
    assertThat(demo.approvers()).containsExactly(Principal.of("U0ALICE"), Principal.of("U0BOB"));
    assertThat(demo.approversFor("flush-cache")).contains(Principal.of("U0BOB"));
    assertThat(demo.approversFor("flush-cache")).doesNotContain(Principal.of("U0CAROL"));
    assertThat(demo.onCall()).isEqualTo("U0CAROL");
    // An empty channel means the card goes where the command was typed.
    assertThat(demo.channel()).isEmpty();
  }

  @Test
  void demoActionsAndProbesKeepTheirTemplatesAndDurations() {
    Runbook restart = demo.runbook("restart-oom-pods").orElseThrow();
    HttpAction action = (HttpAction) restart.action();
    assertThat(action.method()).isEqualTo("POST");
    assertThat(action.url()).isEqualTo("http://127.0.0.1:8088/actions/restart?service={service}");
    assertThat(action.body())
        .isEqualTo("{\"service\":\"{service}\",\"incident\":\"{incident}\",\"reason\":\"oom\"}");
    assertThat(action.headers()).isEqualTo(Map.of("Content-Type", "application/json"));
    // The action has no timeout in the file, so the 30 second default applies.
    assertThat(action.timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(restart.verify())
        .isEqualTo(
            new Probe(
                "http://127.0.0.1:8088/health/{service}",
                200,
                Duration.ofMinutes(2),
                Duration.ofSeconds(5)));

    Runbook rollback = demo.runbook("rollback-deploy").orElseThrow();
    Probe rollbackProbe = (Probe) rollback.verify();
    assertThat(rollbackProbe.timeout()).isEqualTo(Duration.ofMinutes(3));
    assertThat(rollbackProbe.interval()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void describedActionRendersTheServiceIntoTheUrl() {
    ActionSpec flush = demo.runbook("flush-cache").orElseThrow().action();
    assertThat(flush.describe(Map.of("service", "search-api", "incident", "INC-1")))
        .isEqualTo("POST http://127.0.0.1:8088/actions/flush-cache?service=search-api");
  }
}
