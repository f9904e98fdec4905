package dev.greenlight.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigLoaderAcceptsJsonBodiesTest {

  @Test
  void staticAndNestedJsonBodiesLoadAndRenderUnchanged() {
    GreenlightConfig config =
        ConfigLoader.parse(
            TestYaml.with(
                "body: '{\"service\":\"{service}\"}'",
                "body: '{\"service\":\"{service}\",\"options\":{\"force\":true},\"labels\":{}}'"),
            "test.yml");

    HttpAction action = (HttpAction) config.runbook("first").orElseThrow().action();
    assertThat(
            Template.renderBody(
                action.body(), Map.of("service", "checkout-api", "incident", "INC-1")))
        .isEqualTo("{\"service\":\"checkout-api\",\"options\":{\"force\":true},\"labels\":{}}");
  }
}
