package dev.greenlight.action.argo;

import static dev.greenlight.action.argo.ArgoFixtures.NS;
import static dev.greenlight.action.argo.ArgoFixtures.TEMPLATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.greenlight.action.ActionContext;
import dev.greenlight.action.ActionFailure;
import dev.greenlight.config.ArgoAction;
import dev.greenlight.config.ArgoServer;
import dev.greenlight.config.ArgoSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every Argo Server error is classified: refusals (401, 403, 404) are permanent and name the
 * template and namespace with a hint at the token's RBAC; 5xx and I/O errors are retryable. No
 * message or heartbeat ever contains the token, even when the server's own text does.
 */
class ArgoActionErrorsTest {
  private FakeArgoServer argo;
  private ArgoActionExecutor executor;
  private final List<String> beats = new ArrayList<>();
  private final ActionContext context = ArgoFixtures.context(beats);

  @BeforeEach
  void start() throws Exception {
    argo = new FakeArgoServer().template(NS, TEMPLATE).plan(TEMPLATE, 0, FakeWorkflow::succeed);
    executor = new ArgoActionExecutor(argo.servers());
  }

  @AfterEach
  void stop() throws Exception {
    argo.close();
  }

  private ActionFailure failureOf(ArgoActionExecutor executor) {
    ActionFailure f =
        catchThrowableOfType(
            () -> executor.run(ArgoFixtures.action(), context), ActionFailure.class);
    assertThat(f).as("the action failed").isNotNull();
    assertThat(f.getMessage()).contains("fix-oom-pods").doesNotContain(FakeArgoServer.TOKEN);
    assertThat(beats).noneMatch(b -> b.contains(FakeArgoServer.TOKEN));
    return f;
  }

  @Test
  void aForbiddenSubmitIsPermanentNamesTheTemplateAndNamespaceAndNeverTheToken() {
    argo.forbid("submit");

    ActionFailure f = failureOf(executor);

    assertThat(f.permanent()).isTrue();
    assertThat(f.getMessage())
        .isEqualTo(
            "action fix-oom-pods: the Argo Server refused to submit WorkflowTemplate fix-oom in"
                + " namespace remediation (HTTP 403); check the token's RBAC (create workflows,"
                + " get workflowtemplates)");
    assertThat(argo.workflows()).isEmpty();
  }

  @Test
  void aMissingTemplateIsPermanent() {
    ActionFailure f =
        catchThrowableOfType(
            () ->
                executor.run(
                    new ArgoAction(
                        null, NS, "no-such-template", false, Map.of(), Duration.ofSeconds(1)),
                    context),
            ActionFailure.class);

    assertThat(f.permanent()).isTrue();
    assertThat(f.getMessage())
        .contains("WorkflowTemplate no-such-template in namespace remediation (HTTP 404")
        .contains("no such template or namespace")
        .contains("check the token's RBAC");
  }

  @Test
  void aWrongTokenIsAPermanentRefusalOfTheListBeforeAnythingIsSubmitted() {
    ArgoServers wrong =
        ArgoServers.from(
            new ArgoSettings(Map.of("default", argo.settings())),
            Map.of(FakeArgoServer.TOKEN_ENV, "not-the-token"),
            new OkHttpClient());

    ActionFailure f = failureOf(new ArgoActionExecutor(wrong));

    assertThat(f.permanent()).isTrue();
    assertThat(f.getMessage())
        .contains("refused to list workflows in namespace remediation (HTTP 401)")
        .contains("check the token's RBAC (list workflows)")
        .doesNotContain("not-the-token");
    assertThat(argo.submits()).isEmpty();
  }

  @Test
  void aServerErrorOnSubmitIsRetryable() {
    // The list passes; the submit answers 502.
    argo.failNext(0, 502);

    ActionFailure f = failureOf(executor);

    assertThat(f.retryable()).isTrue();
    assertThat(f.reason()).isEqualTo(ActionFailure.Reason.TARGET_ERROR);
    assertThat(f.getMessage())
        .contains("submitting WorkflowTemplate fix-oom in namespace remediation failed (HTTP 502)")
        .contains("a retry adopts the workflow if it was created");
  }

  @Test
  void aSubmissionArgoRejectsAsInvalidIsPermanent() {
    // Argo validates the workflow before creating it and answers 400 (InvalidArgument).
    argo.failNext(0, 400);

    ActionFailure f = failureOf(executor);

    assertThat(f.permanent()).isTrue();
    assertThat(f.getMessage())
        .contains("rejected the submission of WorkflowTemplate fix-oom in namespace remediation")
        .contains("check that the template exists and takes these parameters");
  }

  @Test
  void aServerErrorOnTheListIsRetryable() {
    argo.failNext(500);

    ActionFailure f = failureOf(executor);

    assertThat(f.retryable()).isTrue();
    assertThat(argo.submits()).isEmpty();
  }

  @Test
  void anUnreachableServerIsRetryableAndNamesTheServerNotItsUrl() throws Exception {
    ArgoServer settings = argo.settings();
    argo.close();

    ActionFailure f = failureOf(executor);

    assertThat(f.reason()).isEqualTo(ActionFailure.Reason.UNREACHABLE);
    assertThat(f.getMessage())
        .contains("Argo server 'default' did not answer")
        .doesNotContain(settings.url());
  }
}
