package dev.greenlight.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.api.ActionResult;
import dev.greenlight.api.VerificationResult;
import dev.greenlight.config.HttpAction;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The registry hands each spec to the implementation registered for its type, and only to it. */
class ActionKindsDispatchByTypeTest {
  private final MockWebServer server = new MockWebServer();
  private final EchoKind.Executor echo = new EchoKind.Executor();
  private final EchoKind.Check echoCheck = new EchoKind.Check();
  private final List<String> beats = new CopyOnWriteArrayList<>();
  private ActionKinds kinds;

  @BeforeEach
  void start() throws Exception {
    server.start();
    OkHttpClient http = new OkHttpClient();
    kinds =
        ActionKinds.builder()
            .executor(new HttpActionExecutor(http))
            .executor(echo)
            .verifier(new HttpVerifier(http))
            .verifier(echoCheck)
            .build();
  }

  @AfterEach
  void stop() throws Exception {
    server.shutdown();
  }

  @Test
  void echoActionRunsOnTheEchoExecutorAndSendsNoHttp() throws Exception {
    ActionContext context = EchoKind.context("say-hello", beats);

    ActionResult result = kinds.run(new EchoKind.EchoAction("hello"), context);

    assertThat(result)
        .isEqualTo(new ActionResult("echo", "echoed hello", "incident-GL-1:say-hello"));
    assertThat(echo.runs).containsExactly(context);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void httpActionRunsOnTheHttpExecutorAndNotOnEcho() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(202));
    HttpAction action =
        new HttpAction("POST", server.url("/go").toString(), "", Map.of(), Duration.ofSeconds(5));

    ActionResult result = kinds.run(action, EchoKind.context("restart-oom-pods", beats));

    assertThat(result.type()).isEqualTo("http");
    assertThat(result.summary()).isEqualTo("HTTP 202");
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(echo.runs).isEmpty();
  }

  @Test
  void echoCheckRunsOnTheEchoVerifier() throws Exception {
    VerificationResult result =
        kinds.verify(new EchoKind.EchoCheck(2), EchoKind.context("say-hello", beats));

    assertThat(result.recovered()).isTrue();
    assertThat(echoCheck.checks).hasSize(1);
    assertThat(beats).containsExactly("echo check 1", "echo check 2");
  }

  @Test
  void aTypeRegisteredTwiceIsRefused() {
    ActionKinds.Builder builder = ActionKinds.builder().executor(new EchoKind.Executor());

    assertThatThrownBy(() -> builder.executor(new EchoKind.Executor()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'echo'");
    assertThatThrownBy(
            () -> ActionKinds.builder().verifier(echoCheck).verifier(new EchoKind.Check()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'echo'");
  }
}
