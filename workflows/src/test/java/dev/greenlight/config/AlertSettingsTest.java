package dev.greenlight.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code alerts} section: its defaults, and every bad value refused naming its key. */
class AlertSettingsTest {

  private static GreenlightConfig parse(String alerts) {
    return ConfigLoader.parse(TestYaml.VALID + alerts, "test.yml");
  }

  private static String rejection(String alerts) {
    ConfigException e = catchThrowableOfType(() -> parse(alerts), ConfigException.class);
    assertThat(e).as("the configuration is rejected").isNotNull();
    return e.getMessage();
  }

  @Test
  void noSectionMeansNoAlerts() {
    assertThat(ConfigLoader.parse(TestYaml.VALID, "test.yml").alerts()).isNull();
  }

  @Test
  void anEmptySectionTakesTheDefaults() {
    GreenlightConfig config = parse("alerts: {}\n");
    AlertSettings a = config.alerts();
    assertThat(a.serviceLabels()).containsExactly("service", "deployment", "job");
    assertThat(a.maxOpenPerService()).isEqualTo(1);
    assertThat(a.maxOpen()).isEqualTo(20);
    assertThat(a.unknownServiceEvery()).isEqualTo(Duration.ofHours(1));
    assertThat(a.generic()).isNull();
    assertThat(config.alertChannel()).isEqualTo("C0INCIDENTS");
  }

  @Test
  void everyKeyIsRead() {
    GreenlightConfig config =
        parse(
            """
            alerts:
              channel: C0ALERTS
              service-labels: [app]
              hints: {PodsOOMKilled: second}
              max-open-per-service: 2
              max-open: 5
              unknown-service-every: 10m
              storm-summary-every: 1m
              generic:
                source: grafana
                alerts: /events
                name: /title
                fingerprint: /id
                service: /tags/service
            """);
    AlertSettings a = config.alerts();
    assertThat(config.alertChannel()).isEqualTo("C0ALERTS");
    assertThat(a.serviceLabels()).containsExactly("app");
    assertThat(a.hintFor("PodsOOMKilled")).isEqualTo("second");
    assertThat(a.hintFor("Other")).isNull();
    assertThat(List.of(a.maxOpenPerService(), a.maxOpen())).containsExactly(2, 5);
    assertThat(a.stormSummaryEvery()).isEqualTo(Duration.ofMinutes(1));
    assertThat(a.generic().source()).isEqualTo("grafana");
    assertThat(a.generic().resolvedValues()).containsExactly("resolved");
    assertThat(a.generic().startsAt()).isEmpty();
  }

  @Test
  void aHintMustNameARunbookOfTheCatalog() {
    assertThat(rejection("alerts: {hints: {PodsOOMKilled: restart-everything}}\n"))
        .contains("alerts.hints.PodsOOMKilled", "'restart-everything' is not a runbook id");
  }

  @Test
  void badValuesAreNamed() {
    assertThat(rejection("alerts: {channel: general}\n")).contains("alerts.channel", "'general'");
    assertThat(rejection("alerts: {service-labels: [bad-label]}\n"))
        .contains("alerts.service-labels", "'bad-label'");
    assertThat(rejection("alerts: {max-open-per-service: 0}\n"))
        .contains("alerts.max-open-per-service");
    assertThat(rejection("alerts: {max-open-per-service: 3, max-open: 2}\n"))
        .contains("alerts.max-open");
    assertThat(rejection("alerts: {generic: {name: title, fingerprint: /id, service: /s}}\n"))
        .contains("alerts.generic.name", "'title' is not a JSON Pointer");
    assertThat(rejection("alerts: {generic: {name: /t, fingerprint: /id}}\n"))
        .contains("alerts.generic.service", "or labels must be set");
    assertThat(rejection("alerts: {max-opn: 2}\n")).contains("unknown key alerts.max-opn");
  }

  @Test
  void alertIncidentsNeedAChannel() {
    String yaml = TestYaml.with("channel: C0INCIDENTS\n", "") + "alerts: {}\n";
    ConfigException e =
        catchThrowableOfType(() -> ConfigLoader.parse(yaml, "test.yml"), ConfigException.class);
    assertThat(e.getMessage()).contains("alerts.channel is required");
  }
}
