package dev.greenlight.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {

  @Test
  void queryValuesAndUserInfoAreHiddenWherePathAndNamesStay() {
    assertThat(
            Redaction.urls(
                "POST https://ops:s3cret@hooks.example.com/restart?service=checkout-api&token=abc123"))
        .isEqualTo("POST https://…@hooks.example.com/restart?service=…&token=…")
        .doesNotContain("s3cret", "abc123");
  }

  @Test
  void aUrlWithoutSecretsIsShownAsItIs() {
    assertThat(Redaction.urls("GET http://127.0.0.1:8088/health/checkout-api"))
        .isEqualTo("GET http://127.0.0.1:8088/health/checkout-api");
  }

  @Test
  void everyUrlInATextIsRedacted() {
    assertThat(Redaction.urls("was http://a/x?k=1, now http://b/y?k=2"))
        .isEqualTo("was http://a/x?k=…, now http://b/y?k=…");
  }

  @Test
  void textWithoutUrlsIsUnchanged() {
    assertThat(Redaction.urls("rollout restart deployment/checkout-api in shop"))
        .isEqualTo("rollout restart deployment/checkout-api in shop");
    assertThat(Redaction.urls(null)).isNull();
  }
}
