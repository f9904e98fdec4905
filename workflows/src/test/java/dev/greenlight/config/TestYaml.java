package dev.greenlight.config;

import static org.assertj.core.api.Assertions.assertThat;

/** A small valid configuration and a way to break exactly one thing in it. */
final class TestYaml {
  /** Two runbooks, so that faults in the second one show up as {@code runbooks[1]}. */
  static final String VALID =
      """
      services: [checkout-api, payments-api]
      policy:
        confidence-floor: 0.8
        min-similarity: 0.45
        approval-timeout: 4h
      approvers: [U0ALICE, U0BOB]
      on-call: U0CAROL
      channel: C0INCIDENTS
      runbooks:
        - id: first
          label: first-label
          risk: low
          examples: [first symptom]
          action:
            method: POST
            url: http://127.0.0.1:9/first?service={service}
            body: '{"service":"{service}"}'
            headers: {Content-Type: application/json}
          verify:
            url: http://127.0.0.1:9/health/{service}
            timeout: 1m
            interval: 5s
        - id: second
          label: second-label
          risk: medium
          examples: [second symptom]
          action:
            url: http://127.0.0.1:9/second?service={service}
          verify:
            url: http://127.0.0.1:9/health/{service}
      """;

  private TestYaml() {}

  /**
   * The valid configuration with {@code from} replaced by {@code to}; fails when {@code from} does
   * not occur exactly once, so a typo in a test cannot silently leave the configuration valid.
   */
  static String with(String from, String to) {
    int first = VALID.indexOf(from);
    assertThat(first).as("'%s' occurs in the valid YAML", from).isNotNegative();
    assertThat(VALID.indexOf(from, first + 1)).as("'%s' occurs only once", from).isNegative();
    return VALID.replace(from, to);
  }
}
