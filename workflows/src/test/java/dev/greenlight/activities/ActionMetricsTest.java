package dev.greenlight.activities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.api.Proposal;
import dev.greenlight.config.ConfigLoader;
import dev.greenlight.config.GreenlightConfig;
import dev.greenlight.config.Runbook;
import dev.greenlight.telemetry.Meters;
import dev.greenlight.worker.GreenlightWorker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.testing.TestActivityEnvironment;
import java.time.Duration;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each action and verification attempt is counted by kind and result. */
class ActionMetricsTest {
  final MockWebServer server = new MockWebServer();
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  TestActivityEnvironment env;

  @AfterEach
  void stop() throws Exception {
    env.close();
    server.close();
  }

  @Test
  void resultsAreCountedByKindAndResult() throws Exception {
    server.start();
    String base = server.url("/").toString();
    GreenlightConfig config =
        ConfigLoader.parse(
            """
        services: [checkout-api]
        approvers: [U0ALICE]
        on-call: U0CAROL
        runbooks:
          - id: restart
            label: oom-killed
            risk: medium
            examples: [pods OOMKilled]
            action: {url: %1$sactions/restart}
            verify: {url: %1$shealth, timeout: 1s, interval: 10ms}
        """
                .formatted(base),
            "test");
    env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(
        new RemediationActivitiesImpl(
            config, GreenlightWorker.actionKinds(new OkHttpClient()), meters));
    RemediationActivities activities =
        env.newActivityStub(
            RemediationActivities.class,
            ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofSeconds(10))
                .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
                .build());
    Runbook r = config.runbook("restart").orElseThrow();
    String hash =
        Proposal.hash(
            "restart",
            r.label(),
            r.action().describe(Map.of("service", "checkout-api", "incident", "GL-1")));
    server.enqueue(new MockResponse().setResponseCode(202));
    server.enqueue(new MockResponse().setResponseCode(403));
    server.enqueue(new MockResponse().setResponseCode(200));

    activities.remediate("incident-GL-1", "GL-1", "restart", "checkout-api", hash);
    assertThatThrownBy(
        () -> activities.remediate("incident-GL-1", "GL-1", "restart", "checkout-api", hash));
    assertThatThrownBy(
        () -> activities.remediate("incident-GL-1", "GL-1", "restart", "checkout-api", "stale"));
    activities.verify("GL-1", "restart", "checkout-api");

    assertThat(count(Meters.ACTION_RESULTS, "ok")).isEqualTo(1);
    assertThat(count(Meters.ACTION_RESULTS, "action_refused")).isEqualTo(1);
    assertThat(count(Meters.ACTION_RESULTS, "proposal_changed")).isEqualTo(1);
    assertThat(count(Meters.VERIFY_RESULTS, "recovered")).isEqualTo(1);
  }

  @Test
  void tagsAreSnakeCase() {
    env = TestActivityEnvironment.newInstance();
    assertThat(Meters.tag("ActionRefused")).isEqualTo("action_refused");
    assertThat(Meters.tag("NOT_AN_APPROVER")).isEqualTo("not_an_approver");
    assertThat(Meters.tag(null)).isEqualTo("none");
  }

  private double count(String meter, String result) {
    return meters.get(meter).tags("kind", "http", "result", result).counter().count();
  }
}
