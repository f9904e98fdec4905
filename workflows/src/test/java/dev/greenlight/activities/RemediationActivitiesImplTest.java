package dev.greenlight.activities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.greenlight.action.TestCatalog;
import dev.greenlight.api.ActionResult;
import dev.greenlight.api.Proposal;
import dev.greenlight.api.VerificationResult;
import dev.greenlight.config.GreenlightConfig;
import dev.greenlight.worker.GreenlightWorker;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The remediation activities with the worker's built-in kinds ({@code http}), run by Temporal's
 * activity test environment against a fake target.
 */
class RemediationActivitiesImplTest {
  private final MockWebServer server = new MockWebServer();
  private TestActivityEnvironment env;
  private RemediationActivities activities;
  private final List<String> heartbeats = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server.start();
    String base = server.url("/").toString();
    GreenlightConfig config = TestCatalog.http(base);
    env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(
        new RemediationActivitiesImpl(config, GreenlightWorker.actionKinds(new OkHttpClient())));
    env.setActivityHeartbeatListener(String.class, heartbeats::add);
    // One attempt only: these tests look at how each failure is classified, not at Temporal's
    // retries.
    activities =
        env.newActivityStub(
            RemediationActivities.class,
            ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofSeconds(10))
                .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
                .build());
  }

  @AfterEach
  void stop() throws Exception {
    env.close();
    server.shutdown();
  }

  private ApplicationFailure failureOf(Runnable call) {
    ActivityFailure failure = catchThrowableOfType(call::run, ActivityFailure.class);
    assertThat(failure).as("the activity failed").isNotNull();
    assertThat(failure.getCause()).isInstanceOf(ApplicationFailure.class);
    return (ApplicationFailure) failure.getCause();
  }

  @Test
  void successfulActionReturnsStatusAndWorkflowScopedIdempotencyKey() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(202));

    ActionResult result =
        activities.remediate(
            "incident-INC-9", "INC-9", "restart-oom-pods", "checkout-api", approved());

    assertThat(result)
        .isEqualTo(new ActionResult("http", "HTTP 202", "incident-INC-9:restart-oom-pods"));
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request.getPath()).isEqualTo("/actions/restart?service=checkout-api");
    assertThat(request.getHeader("Idempotency-Key")).isEqualTo("incident-INC-9:restart-oom-pods");
    assertThat(request.getBody().readUtf8())
        .isEqualTo("{\"service\":\"checkout-api\",\"incident\":\"INC-9\"}");
  }

  @Test
  void clientErrorIsANonRetryableRefusal() {
    server.enqueue(new MockResponse().setResponseCode(403));

    ApplicationFailure failure =
        failureOf(
            () ->
                activities.remediate(
                    "wf", "INC-9", "restart-oom-pods", "checkout-api", approved()));

    assertThat(failure.getType()).isEqualTo("ActionRefused");
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getOriginalMessage()).contains("HTTP 403");
  }

  @Test
  void serverErrorIsARetryableFailure() {
    server.enqueue(new MockResponse().setResponseCode(503));

    ApplicationFailure failure =
        failureOf(
            () ->
                activities.remediate(
                    "wf", "INC-9", "restart-oom-pods", "checkout-api", approved()));

    assertThat(failure.getType()).isEqualTo("ActionServerError");
    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getOriginalMessage()).contains("HTTP 503");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void unreachableTargetIsARetryableIoError() throws Exception {
    // Nothing listens on the port once the server is shut down, so the connection is refused.
    server.shutdown();

    ApplicationFailure failure =
        failureOf(
            () ->
                activities.remediate(
                    "wf", "INC-9", "restart-oom-pods", "checkout-api", approved()));

    assertThat(failure.getType()).isEqualTo("ActionIOError");
    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getOriginalMessage()).contains("restart-oom-pods");
  }

  @Test
  void unknownServiceFailsPermanentlyWithoutSendingARequest() {
    ApplicationFailure failure =
        failureOf(
            () ->
                activities.remediate("wf", "INC-9", "restart-oom-pods", "billing-api", approved()));

    assertThat(failure.getType()).isEqualTo("UnknownService");
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getOriginalMessage()).contains("'billing-api'");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void unknownRunbookFailsPermanentlyWithoutSendingARequest() {
    ApplicationFailure failure =
        failureOf(
            () -> activities.remediate("wf", "INC-9", "drop-database", "checkout-api", approved()));

    assertThat(failure.getType()).isEqualTo("UnknownRunbook");
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getOriginalMessage()).contains("'drop-database'");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void verifyPollsTheRenderedProbeUntilItRecovers() {
    server.enqueue(new MockResponse().setResponseCode(503));
    server.enqueue(new MockResponse().setResponseCode(200));

    VerificationResult result = activities.verify("INC-9", "restart-oom-pods", "checkout-api");

    assertThat(result.recovered()).isTrue();
    assertThat(result.attempts()).isEqualTo(2);
    assertThat(server.getRequestCount()).isEqualTo(2);
    // The SDK throttles heartbeats, so the first one is what reaches Temporal here.
    assertThat(heartbeats).startsWith("probe attempt 1");
  }

  @Test
  void changedProposalSendsNothingAndTheApprovedOneRuns() throws Exception {
    String action = "POST " + server.url("/actions/restart?service=checkout-api");
    String approved = Proposal.hash("restart-oom-pods", "oom-killed", action);

    ApplicationFailure changed =
        failureOf(
            () ->
                activities.remediate(
                    "wf",
                    "INC-9",
                    "restart-oom-pods",
                    "checkout-api",
                    Proposal.hash("restart-oom-pods", "oom-killed", "old")));
    assertThat(changed.getType()).isEqualTo("ProposalChanged");
    assertThat(changed.isNonRetryable()).isTrue();
    assertThat(server.getRequestCount()).isZero();

    server.enqueue(new MockResponse().setResponseCode(200));
    assertThat(
            activities
                .remediate("wf", "INC-9", "restart-oom-pods", "checkout-api", approved)
                .summary())
        .isEqualTo("HTTP 200");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  /** The hash an approver approved for restart-oom-pods on checkout-api. */
  private String approved() {
    return Proposal.hash(
        "restart-oom-pods",
        "oom-killed",
        "POST " + server.url("/actions/restart?service=checkout-api"));
  }

  @Test
  void anActionWithoutAnApprovedProposalSendsNothing() throws Exception {
    ApplicationFailure missing =
        failureOf(
            () -> activities.remediate("wf", "INC-9", "restart-oom-pods", "checkout-api", null));
    assertThat(missing.getType()).isEqualTo(RemediationActivities.MISSING_PROPOSAL);
    assertThat(missing.isNonRetryable()).isTrue();
    assertThat(server.getRequestCount()).isZero();
  }
}
