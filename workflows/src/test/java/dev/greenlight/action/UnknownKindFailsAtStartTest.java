package dev.greenlight.action;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.activities.RemediationActivitiesImpl;
import dev.greenlight.config.ActionSpec;
import dev.greenlight.config.ConfigException;
import dev.greenlight.config.GreenlightConfig;
import dev.greenlight.config.Runbook;
import dev.greenlight.worker.GreenlightWorker;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * A catalog that names a kind this worker cannot run is refused when the activities are built (the
 * first thing the worker does), with a message naming the runbook, the key and the type.
 */
class UnknownKindFailsAtStartTest {
  private final GreenlightConfig http = TestCatalog.http("http://localhost:1/");
  private final Runbook base = http.runbooks().get(0);
  private final ActionKinds httpOnly = GreenlightWorker.actionKinds(new OkHttpClient());

  @Test
  void theBuiltInKindsRunTheHttpCatalog() {
    assertThatCode(() -> new RemediationActivitiesImpl(http, httpOnly)).doesNotThrowAnyException();
  }

  @Test
  void anActionTypeWithoutExecutorNamesTheRunbookAndType() {
    GreenlightConfig config =
        EchoKind.withRunbooks(
            http,
            EchoKind.runbook(base, "say-hello", new EchoKind.EchoAction("hi"), base.verify()));

    assertThatThrownBy(() -> new RemediationActivitiesImpl(config, httpOnly))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("runbook 'say-hello'")
        .hasMessageContaining("runbooks[1].action.type")
        .hasMessageContaining("action type 'echo'")
        .hasMessageContaining("(known: http)");
  }

  @Test
  void aVerifyTypeWithoutVerifierNamesTheRunbookAndType() {
    GreenlightConfig config =
        EchoKind.withRunbooks(
            http, EchoKind.runbook(base, "check-echo", base.action(), new EchoKind.EchoCheck(1)));

    assertThatThrownBy(() -> httpOnly.requireAll(config.runbooks()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("runbook 'check-echo'")
        .hasMessageContaining("runbooks[1].verify.type")
        .hasMessageContaining("verify type 'echo'");
  }

  @Test
  void aSpecOfTheWrongRecordForItsTypeIsRefused() {
    // An executor registered under "echo" that would be handed an HttpAction-shaped spec.
    ActionKinds mismatched =
        ActionKinds.builder()
            .executor(new EchoKind.Executor())
            .verifier(new HttpVerifier(new OkHttpClient()))
            .build();
    Runbook impostor =
        EchoKind.runbook(
            base,
            "impostor",
            new ActionSpec() {
              @Override
              public String type() {
                return EchoKind.TYPE;
              }

              @Override
              public String describe(Map<String, String> vars) {
                return "impostor";
              }
            },
            base.verify());

    assertThatThrownBy(() -> mismatched.requireAll(List.of(impostor)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("runbook 'impostor'")
        .hasMessageContaining("EchoAction");
  }
}
