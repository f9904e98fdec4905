package dev.greenlight.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTest {
  private static final Map<String, String> VARS =
      Map.of("service", "checkout-api", "incident", "INC-42");

  @Test
  void urlRendersServiceAndIncident() {
    assertThat(Template.renderUrl("http://h/actions/{service}?incident={incident}", VARS))
        .isEqualTo("http://h/actions/checkout-api?incident=INC-42");
  }

  @Test
  void urlEncodesValuesWithSpacesAndAmpersands() {
    // An encoded '&' cannot start a second query parameter, and a space cannot end the URL.
    Map<String, String> vars = Map.of("service", "checkout-api", "incident", "INC 7&admin=true");
    assertThat(Template.renderUrl("http://h/restart?service={service}&incident={incident}", vars))
        .isEqualTo("http://h/restart?service=checkout-api&incident=INC+7%26admin%3Dtrue");
  }

  @Test
  void bodyRendersValuesVerbatimWithoutUrlEncoding() {
    Map<String, String> vars = Map.of("service", "checkout-api", "incident", "INC 7&x");
    assertThat(Template.renderBody("{\"service\":\"{service}\",\"incident\":\"{incident}\"}", vars))
        .isEqualTo("{\"service\":\"checkout-api\",\"incident\":\"INC 7&x\"}");
  }

  @Test
  void textWithoutPlaceholdersIsUnchanged() {
    assertThat(Template.renderUrl("http://h/health", VARS)).isEqualTo("http://h/health");
    assertThat(Template.renderBody("", VARS)).isEmpty();
  }

  @Test
  void unknownPlaceholderIsReported() {
    assertThat(Template.unknownPlaceholder("http://h/{service}?m={model}")).isEqualTo("{model}");
    assertThat(Template.unknownPlaceholder("{\"service\":\"{service}\",\"tier\":\"{tier}\"}"))
        .isEqualTo("{tier}");
  }

  @Test
  void allowedPlaceholdersAreNotReported() {
    assertThat(Template.unknownPlaceholder("http://h/{service}?incident={incident}")).isNull();
    assertThat(
            Template.unknownPlaceholder("{\"service\":\"{service}\",\"incident\":\"{incident}\"}"))
        .isNull();
  }

  @Test
  void jsonObjectsInABodyAreNotMistakenForPlaceholders() {
    // Braces around JSON objects are body text, so a static or nested JSON body is a valid
    // template.
    assertThat(Template.unknownPlaceholder("{}")).isNull();
    assertThat(Template.unknownPlaceholder("{\"reason\":\"oom\"}")).isNull();
    String nested = "{\"service\":\"{service}\",\"options\":{\"force\":true}}";
    assertThat(Template.unknownPlaceholder(nested)).isNull();
    assertThat(Template.renderBody(nested, VARS))
        .isEqualTo("{\"service\":\"checkout-api\",\"options\":{\"force\":true}}");
  }

  @Test
  void renderingWithoutAValueForAPlaceholderFails() {
    assertThatThrownBy(
            () -> Template.renderUrl("http://h/{incident}", Map.of("service", "checkout-api")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("{incident}");
  }

  @Test
  void visiblePlaceholdersRenderAsWrittenWhileEqualRealValuesAreStillEncoded() {
    assertThat(Template.renderUrl("http://h/{service}?incident={incident}", Template.VISIBLE))
        .isEqualTo("http://h/{service}?incident={incident}");
    // Only the VISIBLE map itself is exempt from encoding, not a map with the same text.
    assertThat(Template.renderUrl("http://h/{service}", Map.of("service", "{service}")))
        .isEqualTo("http://h/%7Bservice%7D");
  }
}
