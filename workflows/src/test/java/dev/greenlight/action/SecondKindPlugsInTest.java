package dev.greenlight.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.greenlight.activities.RemediationActivities;
import dev.greenlight.activities.RemediationActivitiesImpl;
import dev.greenlight.api.ActionResult;
import dev.greenlight.api.Proposal;
import dev.greenlight.api.VerificationResult;
import dev.greenlight.config.GreenlightConfig;
import dev.greenlight.config.Runbook;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A second kind ({@code echo}, a test fake) plugs in by registering it: the unchanged activities
 * dispatch to it by the runbook's type, hand it the run's context, forward its heartbeats and map
 * its kind-neutral failures to the usual failure types.
 */
class SecondKindPlugsInTest {
  private static final String APPROVED =
      Proposal.hash("say-hello", "oom-killed", "echo hello for checkout-api");

  private final EchoKind.Executor echo = new EchoKind.Executor();
  private final EchoKind.Check echoCheck = new EchoKind.Check();
  private final List<String> heartbeats = new CopyOnWriteArrayList<>();
  private TestActivityEnvironment env;
  private RemediationActivities activities;

  @BeforeEach
  void start() {
    GreenlightConfig http = TestCatalog.http("http://localhost:1/");
    Runbook base = http.runbooks().get(0);
    GreenlightConfig config =
        EchoKind.withRunbooks(
            http,
            EchoKind.runbook(
                base, "say-hello", new EchoKind.EchoAction("hello"), new EchoKind.EchoCheck(3)));
    OkHttpClient client = new OkHttpClient();
    ActionKinds kinds =
        ActionKinds.builder()
            .executor(new HttpActionExecutor(client))
            .executor(echo)
            .verifier(new HttpVerifier(client))
            .verifier(echoCheck)
            .build();
    env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(new RemediationActivitiesImpl(config, kinds));
    env.setActivityHeartbeatListener(String.class, heartbeats::add);
    activities =
        env.newActivityStub(
            RemediationActivities.class,
            ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofSeconds(10))
                .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
                .build());
  }

  @AfterEach
  void stop() {
    env.close();
  }

  private static ApplicationFailure failureOf(Runnable call) {
    ActivityFailure failure = catchThrowableOfType(call::run, ActivityFailure.class);
    assertThat(failure).as("the activity failed").isNotNull();
    assertThat(failure.getCause()).isInstanceOf(ApplicationFailure.class);
    return (ApplicationFailure) failure.getCause();
  }

  private ApplicationFailure failureWhenEchoThrows(ActionFailure thrown) {
    echo.failWith = thrown;
    return failureOf(
        () -> activities.remediate("wf", "GL-2", "say-hello", "checkout-api", APPROVED));
  }

  @Test
  void remediateRunsTheEchoExecutorWithTheRunsContext() {
    ActionResult result =
        activities.remediate("incident-GL-2", "GL-2", "say-hello", "checkout-api", APPROVED);

    assertThat(result)
        .isEqualTo(new ActionResult("echo", "echoed hello", "incident-GL-2:say-hello"));
    assertThat(echo.runs).hasSize(1);
    ActionContext context = echo.runs.get(0);
    assertThat(context.incidentId()).isEqualTo("GL-2");
    assertThat(context.workflowId()).isEqualTo("incident-GL-2");
    assertThat(context.runbookId()).isEqualTo("say-hello");
    assertThat(context.vars()).isEqualTo(Map.of("service", "checkout-api", "incident", "GL-2"));
    assertThat(context.idempotencyKey()).isEqualTo("incident-GL-2:say-hello");
  }

  @Test
  void proposalCheckUsesTheKindsDescription() {
    String approved = APPROVED;
    String stale = Proposal.hash("say-hello", "oom-killed", "echo bye for checkout-api");

    ApplicationFailure changed =
        failureOf(() -> activities.remediate("wf", "GL-2", "say-hello", "checkout-api", stale));

    assertThat(changed.getType()).isEqualTo(RemediationActivities.PROPOSAL_CHANGED);
    assertThat(echo.runs).isEmpty();
    assertThat(activities.remediate("wf", "GL-2", "say-hello", "checkout-api", approved).summary())
        .isEqualTo("echoed hello");
    assertThat(echo.runs).hasSize(1);
  }

  @Test
  void verifyRunsTheEchoVerifierAndForwardsItsHeartbeats() {
    VerificationResult result = activities.verify("GL-2", "say-hello", "checkout-api");

    assertThat(result.recovered()).isTrue();
    assertThat(result.detail()).isEqualTo("echo recovered");
    assertThat(echoCheck.checks).hasSize(1);
    assertThat(echoCheck.checks.get(0).runbookId()).isEqualTo("say-hello");
    // The SDK throttles heartbeats, so the first one is what reaches Temporal here.
    assertThat(heartbeats).startsWith("echo check 1");
  }

  @Test
  void aPermanentFailureBecomesANonRetryableRefusal() {
    ApplicationFailure failure = failureWhenEchoThrows(ActionFailure.permanent("echo refused"));

    assertThat(failure.getType()).isEqualTo("ActionRefused");
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getOriginalMessage()).isEqualTo("echo refused");
  }

  @Test
  void aRetryableFailureBecomesARetryableServerError() {
    ApplicationFailure failure = failureWhenEchoThrows(ActionFailure.retryable("echo busy"));

    assertThat(failure.getType()).isEqualTo("ActionServerError");
    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getOriginalMessage()).isEqualTo("echo busy");
  }

  @Test
  void anUnreachableTargetBecomesARetryableIoError() {
    ApplicationFailure failure =
        failureWhenEchoThrows(ActionFailure.unreachable("echo gone", new IOException("reset")));

    assertThat(failure.getType()).isEqualTo("ActionIOError");
    assertThat(failure.isNonRetryable()).isFalse();
  }
}
