package dev.greenlight.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every bad configuration is refused as a whole, with a message naming the key and the bad value.
 */
class ConfigLoaderRejectsBadInputTest {

  private static String rejection(String yaml) {
    ConfigException e =
        catchThrowableOfType(() -> ConfigLoader.parse(yaml, "test.yml"), ConfigException.class);
    assertThat(e).as("the configuration is rejected").isNotNull();
    return e.getMessage();
  }

  @Test
  void theUnmodifiedTestConfigurationIsValid() {
    // The other tests break one thing each in this configuration, so it must be valid to begin
    // with.
    GreenlightConfig config = ConfigLoader.parse(TestYaml.VALID, "test.yml");
    assertThat(config.runbooks()).extracting(Runbook::id).containsExactly("first", "second");
    assertThat(config.channel()).isEqualTo("C0INCIDENTS");
  }

  @Test
  void invalidYamlNamesTheFile() {
    assertThat(rejection("services: [checkout-api\nrunbooks: ]"))
        .startsWith("test.yml is not valid YAML");
  }

  @Test
  void emptyFileIsRefused() {
    assertThat(rejection("")).isEqualTo("test.yml is empty");
  }

  @Test
  void aFallbackChannelThatIsNoChannelIdIsNamed() {
    assertThat(rejection(TestYaml.VALID + "fallback-channel: '#incidents'\n"))
        .contains("fallback-channel", "'#incidents' is not a Slack channel ID");
  }

  @Test
  void unknownTopLevelKeyIsNamed() {
    assertThat(rejection(TestYaml.VALID + "servces: [search-api]\n"))
        .startsWith("unknown key servces ")
        .contains(
            "allowed here: alerts, approvals, approvers, argo, channel, classifier,"
                + " fallback-channel, on-call, policy, rails, runbooks, services, visibility")
        .endsWith("(in test.yml)");
  }

  @Test
  void unknownKeyInsideARunbookIsNamedWithItsPath() {
    assertThat(
            rejection(
                TestYaml.with("    action:\n      method: POST", "    acton:\n      method: POST")))
        .startsWith("unknown key runbooks[0].acton ");
  }

  @Test
  void missingApproversAreRefused() {
    assertThat(rejection(TestYaml.with("approvers: [U0ALICE, U0BOB]\n", "")))
        .contains("approvers must not be empty (key approvers)");
  }

  @Test
  void approverThatIsNotASlackUserIdIsNamed() {
    assertThat(rejection(TestYaml.with("approvers: [U0ALICE, U0BOB]", "approvers: [U0ALICE, bob]")))
        .contains("approvers: 'bob' is not a Slack user ID");
  }

  @Test
  void unknownRiskTierIsNamedWithItsPathAndValue() {
    assertThat(rejection(TestYaml.with("risk: medium", "risk: extreme")))
        .contains("runbooks[1].risk must be one of low, medium, high (got 'extreme')");
  }

  @Test
  void confidenceFloorAboveOneIsRefused() {
    assertThat(rejection(TestYaml.with("confidence-floor: 0.8", "confidence-floor: 1.5")))
        .contains("policy.confidence-floor must be a number from 0 to 1 (got '1.5')");
  }

  @Test
  void approvalTimeoutThatIsNotADurationIsRefused() {
    assertThat(rejection(TestYaml.with("approval-timeout: 4h", "approval-timeout: soon")))
        .contains("policy.approval-timeout must be a positive duration")
        .contains("(got 'soon')");
  }

  @Test
  void duplicateRunbookIdIsNamed() {
    assertThat(rejection(TestYaml.with("id: second", "id: first")))
        .contains("runbooks[1].id: duplicate runbook id 'first'");
  }

  @Test
  void placeholderOtherThanServiceOrIncidentInAUrlIsRefused() {
    assertThat(
            rejection(
                TestYaml.with("first?service={service}", "first?service={service}&model={model}")))
        .contains("runbooks[0].action.url: unknown placeholder {model}");
  }

  @Test
  void nonHttpActionUrlIsRefused() {
    assertThat(
            rejection(
                TestYaml.with("url: http://127.0.0.1:9/second", "url: ftp://127.0.0.1:9/second")))
        .contains(
            "runbooks[1].action.url must start with http:// or https:// (got 'ftp://127.0.0.1:9/second?service={service}')");
  }

  @Test
  void configuredIdempotencyKeyHeaderIsRefused() {
    assertThat(
            rejection(
                TestYaml.with(
                    "headers: {Content-Type: application/json}",
                    "headers: {Content-Type: application/json, Idempotency-Key: fixed}")))
        .contains(
            "runbooks[0].action.headers: Idempotency-Key is set by Greenlight and cannot be configured");
  }

  @Test
  void probeIntervalLongerThanItsTimeoutIsRefused() {
    assertThat(
            rejection(
                TestYaml.with(
                    "timeout: 1m\n      interval: 5s", "timeout: 10s\n      interval: 30s")))
        .contains("runbooks[0].verify.interval must not be longer than runbooks[0].verify.timeout");
  }

  @Test
  void channelThatIsNotAChannelIdIsNamed() {
    assertThat(rejection(TestYaml.with("channel: C0INCIDENTS", "channel: '#incidents'")))
        .contains("channel: '#incidents' is not a Slack channel ID");
  }

  @Test
  void misspeltRequiredKeyIsReportedAsUnknownNotAsMissing() {
    assertThat(rejection(TestYaml.with("    label: first-label", "    lable: first-label")))
        .isEqualTo(
            "unknown key runbooks[0].lable (allowed here: action, approvers, description,"
                + " examples, id, label, risk, verify) (in test.yml)");
  }

  @Test
  void unknownKeyDeepInsideListsTheKeysAllowedThere() {
    assertThat(
            rejection(TestYaml.with("      interval: 5s", "      interval: 5s\n      retries: 3")))
        .isEqualTo(
            "unknown key runbooks[0].verify.retries (allowed here: expect-status, interval,"
                + " timeout, type, url) (in test.yml)");
  }

  @Test
  void missingRequiredKeyIsNamedWithItsPath() {
    assertThat(rejection(TestYaml.with("    label: second-label\n", "")))
        .isEqualTo("runbooks[1].label is required (in test.yml)");
    assertThat(rejection(TestYaml.with("on-call: U0CAROL\n", "")))
        .isEqualTo("on-call is required (in test.yml)");
    assertThat(
            rejection(TestYaml.with("      url: http://127.0.0.1:9/first?service={service}\n", "")))
        .isEqualTo("runbooks[0].action.url is required (in test.yml)");
  }

  @Test
  void valueOfTheWrongTypeIsNamed() {
    assertThat(rejection(TestYaml.with("examples: [first symptom]", "examples: first symptom")))
        .isEqualTo("runbooks[0].examples must be a list (in test.yml)");
    assertThat(rejection(TestYaml.with("label: first-label", "label: [first, label]")))
        .isEqualTo("runbooks[0].label must be a text (in test.yml)");
    assertThat(
            rejection(
                TestYaml.with("headers: {Content-Type: application/json}", "headers: [json]")))
        .isEqualTo("runbooks[0].action.headers must be a mapping (in test.yml)");
  }

  @Test
  void wholeNumberThatIsNotWholeOrOutOfRangeIsRefused() {
    assertThat(
            rejection(
                TestYaml.with(
                    "      interval: 5s", "      interval: 5s\n      expect-status: 2.5")))
        .isEqualTo(
            "runbooks[0].verify.expect-status must be a whole number (got '2.5') (in test.yml)");
    assertThat(
            rejection(
                TestYaml.with("      interval: 5s", "      interval: 5s\n      expect-status: 99")))
        .isEqualTo(
            "runbooks[0].verify.expect-status must be a whole number from 100 to 599 (got '99')"
                + " (in test.yml)");
  }

  @Test
  void riskGivenAsANumberIsRefused() {
    // A number would otherwise pick a tier by its position in the enum.
    assertThat(rejection(TestYaml.with("risk: medium", "risk: 2")))
        .contains("runbooks[1].risk must be one of low, medium, high (got '2')");
  }

  @Test
  void durationWithoutAUnitOrNotPositiveIsRefused() {
    assertThat(rejection(TestYaml.with("timeout: 1m", "timeout: 60")))
        .isEqualTo(
            "runbooks[0].verify.timeout must be a positive duration like 30s, 5m, 4h or PT4H"
                + " (got '60') (in test.yml)");
    assertThat(rejection(TestYaml.with("approval-timeout: 4h", "approval-timeout: 0s")))
        .contains("policy.approval-timeout must be a positive duration")
        .contains("(got '0s')");
  }

  @Test
  void actionTimeoutAboveFourMinutesIsRefused() {
    assertThat(
            rejection(TestYaml.with("      method: POST", "      method: POST\n      timeout: 5m")))
        .contains("runbooks[0].action.timeout must be at most 4m (got PT5M)");
  }

  @Test
  void runbookApproverThatIsNotAPrincipalIsNamed() {
    assertThat(
            rejection(
                TestYaml.with(
                    "  - id: second\n", "  - id: second\n    approvers: [S0DBAS, bob]\n")))
        .isEqualTo(
            "runbooks[1].approvers: 'bob' is not a Slack user ID (U012ABCDEF) or user group ID"
                + " (S012ABCDEF) (in test.yml)");
  }

  @Test
  void onCallThatIsAUserGroupIsRefused() {
    assertThat(rejection(TestYaml.with("on-call: U0CAROL", "on-call: S0ONCALL")))
        .contains("on-call: 'S0ONCALL' is not a Slack user ID like U012ABCDEF");
  }

  @Test
  void nullListItemIsNamedByItsIndex() {
    assertThat(rejection(TestYaml.with("examples: [first symptom]", "examples: [first, ~]")))
        .isEqualTo("runbooks[0].examples[1] must not be empty (in test.yml)");
  }

  @Test
  void unknownHttpMethodIsNamed() {
    assertThat(rejection(TestYaml.with("method: POST", "method: FETCH")))
        .contains(
            "runbooks[0].action.method must be one of GET, POST, PUT, PATCH, DELETE (got 'FETCH')");
  }

  @Test
  void duplicateKeyIsRefusedWithItsLine() {
    // With a repeated key the last one would silently win.
    assertThat(
            rejection(TestYaml.with("channel: C0INCIDENTS", "channel: C0INCIDENTS\nchannel: C0X")))
        .isEqualTo("test.yml is not valid YAML: Duplicate field 'channel' (line 9)");
  }

  @Test
  void fileThatIsNotAMappingIsRefused() {
    assertThat(rejection("- services\n- runbooks\n"))
        .isEqualTo("the file must be a mapping (in test.yml)");
  }

  @Test
  void classifierWrittenAsOneWordIsRefused() {
    assertThat(rejection(TestYaml.VALID + "classifier: llm\n"))
        .isEqualTo("classifier must be a mapping (in test.yml)");
    assertThat(rejection(TestYaml.VALID + "classifier: {mode: gpt}\n"))
        .isEqualTo("classifier.mode must be one of local, llm, both (got 'gpt') (in test.yml)");
  }

  @Test
  void missingFileIsReportedAsMissing(@TempDir Path dir) {
    Path missing = dir.resolve("greenlight.yml");
    assertThatThrownBy(() -> ConfigLoader.load(missing))
        .isInstanceOf(ConfigException.class)
        .hasMessage("config file " + missing + " does not exist");
  }
}
