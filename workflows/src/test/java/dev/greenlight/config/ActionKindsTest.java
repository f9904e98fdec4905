package dev.greenlight.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * {@code action} and {@code verify} are read as the record of the kind their {@code type} names.
 */
class ActionKindsTest {

  private static GreenlightConfig parse(String from, String to) {
    return ConfigLoader.parse(TestYaml.with(from, to), "test.yml");
  }

  @Test
  void withoutATypeBothAreHttp() {
    Runbook first = ConfigLoader.parse(TestYaml.VALID, "test.yml").runbooks().get(0);
    assertThat(first.action()).isInstanceOf(HttpAction.class);
    assertThat(first.action().type()).isEqualTo("http");
    assertThat(first.verify()).isInstanceOf(Probe.class);
    assertThat(first.verify().type()).isEqualTo("http");
  }

  @Test
  void anExplicitHttpTypeReadsTheSame() {
    GreenlightConfig typed = parse("      method: POST", "      type: http\n      method: POST");
    GreenlightConfig plain = ConfigLoader.parse(TestYaml.VALID, "test.yml");
    assertThat(typed.runbooks().get(0).action()).isEqualTo(plain.runbooks().get(0).action());
  }

  @Test
  void unknownActionTypeListsTheKnownOnes() {
    assertThatThrownBy(
            () -> parse("      method: POST", "      type: kubrnetes\n      method: POST"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "runbooks[0].action.type: unknown action type 'kubrnetes' (known: argo, http, kubernetes) (in test.yml)");
  }

  @Test
  void unknownVerifyTypeIsNamed() {
    assertThatThrownBy(() -> parse("      interval: 5s", "      interval: 5s\n      type: grpc"))
        .hasMessage(
            "runbooks[0].verify.type: unknown verify type 'grpc' (known: argo, http, kubernetes-rollout) (in test.yml)");
  }

  @Test
  void typeThatIsNotATextIsRefused() {
    assertThatThrownBy(() -> parse("      method: POST", "      type: [http]\n      method: POST"))
        .hasMessage("runbooks[0].action.type must be a text (in test.yml)");
  }

  @Test
  void actionThatIsNotAMappingIsRefused() {
    assertThatThrownBy(
            () ->
                parse(
                    "    action:\n      url: http://127.0.0.1:9/second?service={service}\n",
                    "    action: POST http://127.0.0.1:9/second\n"))
        .hasMessage("runbooks[1].action must be a mapping (in test.yml)");
  }

  @Test
  void unknownKeyInAnActionListsTypeAmongTheAllowedKeys() {
    assertThatThrownBy(() -> parse("      method: POST", "      method: POST\n      retries: 3"))
        .hasMessage(
            "unknown key runbooks[0].action.retries (allowed here: body, headers, method, timeout,"
                + " type, url) (in test.yml)");
  }

  @Test
  void describeWithVisiblePlaceholdersShowsTheTemplateAsWritten() {
    ActionSpec action = ConfigLoader.parse(TestYaml.VALID, "test.yml").runbooks().get(0).action();
    assertThat(action.describe(Template.VISIBLE))
        .isEqualTo("POST http://127.0.0.1:9/first?service={service}");
  }
}
